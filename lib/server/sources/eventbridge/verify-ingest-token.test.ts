import { describe, expect, it } from "vitest";
import { verifyIngestToken } from "@/lib/server/sources/eventbridge/verify-ingest-token";

const TOKEN = "s3cret-token-0123456789abcdef";

describe("verifyIngestToken", () => {
  it("accepts the token as a Bearer credential or in X-Healthdeck-Token", () => {
    expect(verifyIngestToken(new Headers({ Authorization: `Bearer ${TOKEN}` }), TOKEN)).toBe("ok");
    expect(verifyIngestToken(new Headers({ Authorization: `bearer  ${TOKEN} ` }), TOKEN)).toBe("ok");
    expect(verifyIngestToken(new Headers({ "X-Healthdeck-Token": TOKEN }), TOKEN)).toBe("ok");
    expect(verifyIngestToken(new Headers({ Authorization: "Basic dXNlcjpwYXNz", "X-Healthdeck-Token": TOKEN }), TOKEN)).toBe("ok");
  });

  it("tells a missing token from a wrong one", () => {
    expect(verifyIngestToken(new Headers(), TOKEN)).toBe("missing");
    expect(verifyIngestToken(new Headers({ Authorization: TOKEN }), TOKEN)).toBe("missing");
    expect(verifyIngestToken(new Headers({ Authorization: "Bearer " }), TOKEN)).toBe("missing");
    expect(verifyIngestToken(new Headers({ Authorization: `Bearer ${TOKEN}x` }), TOKEN)).toBe("wrong");
    expect(verifyIngestToken(new Headers({ "X-Healthdeck-Token": TOKEN.slice(0, -1) }), TOKEN)).toBe("wrong");
  });
});
