import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

// The proxy and the route read the process-wide runtime (get-runtime.ts); this stack's runtime is it.
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const AUTH_CONTEXT_KEY = Symbol.for("healthdeck.auth-context");

/** As `next start` does: the proxy first; when it lets the request pass (x-middleware-next), the route answers. */
async function serveLikeNext(stack: PublicStack, calls: { route: number }): Promise<TestServer> {
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const { proxy } = await import("@/proxy");
  const route = await import("@/app/api/v1/status/route");
  return listenFetchHandler(async (request) => {
    const answered = await proxy(new NextRequest(request));
    if (answered.headers.get("x-middleware-next") !== "1") return answered;
    calls.route += 1;
    const response = await route.GET(request);
    answered.headers.forEach((value, name) => {
      if (!name.startsWith("x-middleware-")) response.headers.set(name, value);
    });
    return response;
  });
}

const withoutDate = (headers: Headers) => [...headers].filter(([name]) => !["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(name));

describe("repeat clients of /api/v1/status get their 304 from the proxy", () => {
  let stack: PublicStack;
  let server: TestServer;
  const calls = { route: 0 };

  beforeAll(async () => {
    stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
    await stack.pollAll();
    server = await serveLikeNext(stack, calls);
  });

  afterAll(async () => {
    delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
    await server.close();
    await stack.close();
  });

  it("answers If-None-Match with the current tag without the route, with the 200's headers and no body", async () => {
    const first = await fetch(`${server.url}/api/v1/status?region=us-east-1`);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    expect(calls.route).toBe(1);
    const etag = first.headers.get("etag") ?? "";
    expect(first.headers.get("content-security-policy")).toContain("default-src");

    const again = await fetch(`${server.url}/api/v1/status?region=us-east-1`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(calls.route).toBe(1);
    // Every header of the 200 but its body's, with the same values (the policy's nonce is fresh per request). Vary is
    // Next's to add to the 200 (the proxy's 304 repeats it); tests/e2e/edge-headers.spec.ts compares it under next start.
    const policyFree = (headers: Headers) => withoutDate(headers).filter(([name]) => !["content-security-policy", "content-type", "vary"].includes(name));
    expect(policyFree(again.headers)).toEqual(policyFree(first.headers));
    expect(again.headers.get("content-security-policy")?.replace(/'nonce-[^']+'/g, "")).toBe(first.headers.get("content-security-policy")?.replace(/'nonce-[^']+'/g, ""));
  });

  it("leaves a stale tag, a bad filter and other paths to the route", async () => {
    const before = calls.route;
    const stale = await fetch(`${server.url}/api/v1/status?region=us-east-1`, { headers: { "if-none-match": '"not-the-tag"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    const invalid = await fetch(`${server.url}/api/v1/status?region=NOT%20A%20REGION`, { headers: { "if-none-match": "*" } });
    expect(invalid.status).toBe(400);
    await invalid.arrayBuffer();
    expect(calls.route).toBe(before + 2);
  });
});

describe("the proxy's early 304 asks for the same authorization as the route", () => {
  let stack: PublicStack;
  let server: TestServer;
  const calls = { route: 0 };

  beforeAll(async () => {
    stack = await startPublicStack({
      scenario: INCIDENT_SCENARIO,
      env: { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "127.0.0.1", HEALTHDECK_VIEWER_GROUPS: "viewers", HEALTHDECK_PUBLIC_BOARD: "private" },
    });
    await stack.pollAll();
    delete (globalThis as Record<symbol, unknown>)[AUTH_CONTEXT_KEY];
    server = await serveLikeNext(stack, calls);
  });

  afterAll(async () => {
    delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
    delete (globalThis as Record<symbol, unknown>)[AUTH_CONTEXT_KEY];
    await server.close();
    await stack.close();
  });

  it("never answers 304 to a caller the route refuses, even with a tag that matches (or *)", async () => {
    const refused = await fetch(`${server.url}/api/v1/status`, { headers: { "if-none-match": "*" } });
    expect(refused.status).toBe(401);
    await refused.arrayBuffer();
    expect(calls.route).toBe(1);
  });
});
