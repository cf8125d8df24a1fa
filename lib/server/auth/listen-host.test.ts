import { describe, expect, it } from "vitest";
import { checkAuthNoneHost, resolveListenHost } from "@/lib/server/auth/listen-host";

describe("resolveListenHost", () => {
  it("reads next start's -H, then HEALTHDECK_HOST, and knows Next's default is every interface", () => {
    expect(resolveListenHost(["node", "next", "start", "-H", "127.0.0.1", "-p", "3000"], {})).toBe("127.0.0.1");
    expect(resolveListenHost(["node", "next", "start", "--hostname=0.0.0.0"], {})).toBe("0.0.0.0");
    expect(resolveListenHost(["node", "next", "start"], {})).toBe("0.0.0.0");
    expect(resolveListenHost(["node", "server.js"], { HEALTHDECK_HOST: "10.0.0.1" })).toBe("10.0.0.1");
    expect(resolveListenHost(["node", "vitest"], {})).toBeNull();
  });
});

describe("checkAuthNoneHost", () => {
  it("refuses none off loopback with a message naming the settings to set", () => {
    const refusal = checkAuthNoneHost("none", "0.0.0.0");
    expect(refusal).toMatch(/HEALTHDECK_AUTH=oidc/);
    expect(refusal).toMatch(/HEALTHDECK_AUTH=proxy/);
    expect(checkAuthNoneHost("none", "192.168.1.4")).not.toBeNull();
    expect(checkAuthNoneHost("none", "::")).not.toBeNull();
  });

  it("allows none on loopback, and any other mode anywhere", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "[::1]"]) expect(checkAuthNoneHost("none", host)).toBeNull();
    expect(checkAuthNoneHost("oidc", "0.0.0.0")).toBeNull();
    expect(checkAuthNoneHost("proxy", "0.0.0.0")).toBeNull();
  });
});
