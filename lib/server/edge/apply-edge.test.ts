import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { applyEdge, type EdgeOutcome } from "@/lib/server/edge/apply-edge";
import { createEdgeSettings } from "@/lib/server/edge/edge-settings";

function edgeWith(env: Record<string, string> = {}, trustedProxies?: string) {
  return createEdgeSettings(parseConfig(env), { HEALTHDECK_TRUSTED_PROXIES: trustedProxies, NODE_ENV: "production" });
}

function request(path: string, headers: Record<string, string> = {}) {
  return { url: `http://localhost${path}`, headers: new Headers({ host: "localhost:3000", "x-forwarded-for": "10.0.0.7", ...headers }) };
}

function passed(outcome: EdgeOutcome) {
  if (outcome.kind !== "pass") throw new Error(`refused with ${outcome.response.status}`);
  return outcome;
}

describe("applyEdge: headers", () => {
  it("lets forms go to this origin, and with OIDC sign-in to the provider too (sign-out is redirected to its logout)", () => {
    const policyOf = (env: Record<string, string>) => passed(applyEdge(request("/"), edgeWith(env), 0)).responseHeaders["Content-Security-Policy"] ?? "";
    expect(policyOf({})).toContain("form-action 'self';");
    const oidc = {
      HEALTHDECK_AUTH: "oidc",
      HEALTHDECK_OIDC_ISSUER: "https://login.example.com/realms/ops",
      HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
      HEALTHDECK_SESSION_SECRET: "a-session-secret-of-at-least-thirty-two-characters",
      HEALTHDECK_PUBLIC_URL: "http://localhost:3000",
      HEALTHDECK_ADMIN_GROUPS: "ops",
    };
    expect(policyOf(oidc)).toContain("form-action 'self' https://login.example.com;");
  });

  it("gives every response a fresh nonce in a CSP without unsafe-inline scripts, and hands it to Next and the layout", () => {
    const edge = edgeWith();
    const first = passed(applyEdge(request("/"), edge, 0));
    const second = passed(applyEdge(request("/"), edge, 0));
    const policy = first.responseHeaders["Content-Security-Policy"] ?? "";
    const nonce = first.requestHeaders.get("x-nonce") ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.requestHeaders.get("x-nonce")).not.toBe(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(first.requestHeaders.get("content-security-policy")).toBe(policy);
    expect(first.responseHeaders).toMatchObject({
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "SAMEORIGIN",
    });
    expect(first.responseHeaders["Strict-Transport-Security"]).toBeUndefined();
  });

  it("lets the portals of HEALTHDECK_FRAME_ANCESTORS frame the pages, and 'none' nobody", () => {
    const portal = passed(applyEdge(request("/noc"), edgeWith({ HEALTHDECK_FRAME_ANCESTORS: "'self' https://portal.example.com" }), 0));
    expect(portal.responseHeaders["Content-Security-Policy"]).toContain("frame-ancestors 'self' https://portal.example.com");
    expect(portal.responseHeaders["X-Frame-Options"]).toBeUndefined();
    expect(portal.responseHeaders["Cross-Origin-Resource-Policy"]).toBe("cross-origin");
    const none = passed(applyEdge(request("/noc"), edgeWith({ HEALTHDECK_FRAME_ANCESTORS: "none" }), 0));
    expect(none.responseHeaders["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(none.responseHeaders["X-Frame-Options"]).toBe("DENY");
    expect(() => parseConfig({ HEALTHDECK_FRAME_ANCESTORS: "javascript:alert(1)" })).toThrow(/HEALTHDECK_FRAME_ANCESTORS/);
    expect(() => parseConfig({ HEALTHDECK_FRAME_ANCESTORS: "'none' 'self'" })).toThrow(/stands alone/);
  });

  it("sends HSTS only over HTTPS: an https public URL, or X-Forwarded-Proto from a trusted proxy", () => {
    const forwardedHttps = { "x-forwarded-proto": "https" };
    expect(passed(applyEdge(request("/", forwardedHttps), edgeWith(), 0)).responseHeaders["Strict-Transport-Security"]).toBeUndefined();
    const viaProxy = passed(applyEdge(request("/", forwardedHttps), edgeWith({}, "10.0.0.7"), 0));
    expect(viaProxy.responseHeaders["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    const publicHttps = edgeWith({ HEALTHDECK_PUBLIC_URL: "https://status.example.com" });
    const direct = passed(applyEdge(request("/", { host: "status.example.com" }), publicHttps, 0));
    expect(direct.responseHeaders["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(direct.responseHeaders["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});

describe("applyEdge: Host allowlist", () => {
  it("serves loopback names and the public URL's host by default, refuses others with 421 and no Host with 400", async () => {
    const edge = edgeWith({ HEALTHDECK_PUBLIC_URL: "https://status.example.com/healthdeck" });
    for (const host of ["localhost:3000", "127.0.0.1", "[::1]:3000", "status.example.com", "STATUS.example.com:443"]) {
      expect(applyEdge(request("/", { host }), edge, 0).kind).toBe("pass");
    }
    const rebound = applyEdge(request("/api/v1/account/events", { host: "attacker.example" }), edge, 0);
    expect(rebound.kind === "refuse" && rebound.response.status).toBe(421);
    if (rebound.kind === "refuse") expect(await rebound.response.json()).toEqual({ error: expect.stringContaining("HEALTHDECK_ALLOWED_HOSTS") });
    const missing = applyEdge(request("/", { host: "" }), edge, 0);
    expect(missing.kind === "refuse" && missing.response.status).toBe(400);
    expect(applyEdge(request("/api/v1/health", { host: "10.1.2.3:3000" }), edge, 0).kind).toBe("pass");
  });

  it("takes HEALTHDECK_ALLOWED_HOSTS instead of the loopback names, with *.domain and *", () => {
    const edge = edgeWith({ HEALTHDECK_ALLOWED_HOSTS: "dash.internal, *.example.com" });
    expect(applyEdge(request("/", { host: "dash.internal:8080" }), edge, 0).kind).toBe("pass");
    expect(applyEdge(request("/", { host: "wall.example.com" }), edge, 0).kind).toBe("pass");
    expect(applyEdge(request("/", { host: "example.com.evil" }), edge, 0).kind).toBe("refuse");
    expect(applyEdge(request("/", { host: "localhost" }), edge, 0).kind).toBe("refuse");
    expect(applyEdge(request("/", { host: "anything" }), edgeWith({ HEALTHDECK_ALLOWED_HOSTS: "*" }), 0).kind).toBe("pass");
  });
});

describe("applyEdge: request limit", () => {
  it("answers 429 with Retry-After once a client spent its minute, while another client and ingest still pass", () => {
    const edge = edgeWith({ HEALTHDECK_RATE_LIMIT_PER_MINUTE: "5" });
    for (let index = 0; index < 5; index += 1) expect(applyEdge(request("/api/v1/status"), edge, 0).kind).toBe("pass");
    const limited = applyEdge(request("/api/v1/status"), edge, 0);
    expect(limited.kind === "refuse" && limited.response.status).toBe(429);
    expect(limited.kind === "refuse" && limited.response.headers.get("retry-after")).toBe("12");
    expect(applyEdge(request("/api/v1/status", { "x-forwarded-for": "10.0.0.8" }), edge, 0).kind).toBe("pass");
    expect(applyEdge(request("/api/v1/ingest/eventbridge"), edge, 0).kind).toBe("pass");
    expect(applyEdge(request("/api/v1/status"), edge, 12_000).kind).toBe("pass");
  });
});
