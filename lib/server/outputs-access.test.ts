import { describe, expect, it } from "vitest";
import { checkOutputAccess } from "@/lib/server/outputs-access";

const TOKEN = "0123456789abcdef-token";
const request = (url = "http://h/metrics", headers: Record<string, string> = {}) => new Request(url, { headers });

describe("checkOutputAccess", () => {
  it("opens outputs when the server listens on loopback only", () => {
    expect(checkOutputAccess(request(), { need: "metrics" }, { listenHost: "127.0.0.1", token: undefined })).toBeNull();
    expect(checkOutputAccess(request(), { need: "metrics" }, { listenHost: "::1", token: undefined })).toBeNull();
  });

  it("asks for the token off loopback, whatever X-Forwarded-For claims", () => {
    const denied = checkOutputAccess(request("http://h/metrics", { "x-forwarded-for": "127.0.0.1" }), { need: "metrics" }, { listenHost: "0.0.0.0", token: TOKEN });
    expect(denied?.status).toBe(401);
    expect(denied?.headers.get("www-authenticate")).toContain("Bearer");
    expect(checkOutputAccess(request("http://h/metrics", { authorization: `Bearer ${TOKEN}` }), { need: "metrics" }, { listenHost: "0.0.0.0", token: TOKEN })).toBeNull();
    expect(checkOutputAccess(request("http://h/metrics", { authorization: "Bearer wrong" }), { need: "metrics" }, { listenHost: "127.0.0.1", token: TOKEN })?.status).toBe(401);
  });

  it("takes the token from ?token= for feeds only (calendar clients send no headers)", () => {
    const settings = { listenHost: "0.0.0.0", token: TOKEN };
    expect(checkOutputAccess(request(`http://h/api/v1/calendar.ics?token=${TOKEN}`), { need: "feeds" }, settings)).toBeNull();
    expect(checkOutputAccess(request(`http://h/metrics?token=${TOKEN}`), { need: "metrics" }, settings)?.status).toBe(401);
  });

  it("trusts the socket's peer address when the caller owns the socket", () => {
    const settings = { listenHost: "0.0.0.0", token: undefined };
    expect(checkOutputAccess(request(), { need: "metrics", clientAddress: "::ffff:127.0.0.1" }, settings)).toBeNull();
    expect(checkOutputAccess(request(), { need: "metrics", clientAddress: "10.0.0.5" }, settings)?.status).toBe(401);
  });
});
