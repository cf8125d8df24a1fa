import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sourceHealthSchema, statusResponseSchema } from "@/lib/shared/public-status-contract";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

// The routes read the process-wide runtime (get-runtime.ts); this stack's runtime, with its injectable clock, is it.
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const HTTP_TIMEOUT_SECONDS = 1;
const STATUS_CACHE_MS = 1000;

const healthSchema = z.object({ status: z.enum(["ok", "degraded"]), sources: z.array(sourceHealthSchema) });
const clock = { now: Date.parse("2026-08-18T12:00:00.000Z") };
let stack: PublicStack;
let server: TestServer;

beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, now: () => clock.now });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const health = await import("@/app/api/v1/health/route");
  const status = await import("@/app/api/v1/status/route");
  server = await listenFetchHandler((request) => (new URL(request.url).pathname === "/api/v1/health" ? health.GET(request) : status.GET(request)));
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server.close();
  await stack.close();
});

async function readHealth() {
  const response = await fetch(`${server.url}/api/v1/health`);
  expect(response.status).toBe(200);
  return healthSchema.parse(await response.json());
}

async function readStatusSources() {
  const response = await fetch(`${server.url}/api/v1/status`);
  expect(response.status).toBe(200);
  return statusResponseSchema.parse(await response.json()).sources;
}

const stateOf = (sources: readonly z.infer<typeof sourceHealthSchema>[], id: string) => sources.find((source) => source.id === id)?.state;

describe("/api/v1/health and /api/v1/status report a source stale once the clock passes its limit", () => {
  it("is ok exactly at the limit and stale 1 ms past it", async () => {
    await stack.pollAll();
    const polledAt = clock.now;
    const before = await readHealth();
    expect(before.status).toBe("ok");
    const events = before.sources.find((source) => source.id === "public-currentevents");
    expect(events).toMatchObject({ state: "ok", lastSuccessAt: new Date(polledAt).toISOString() });
    // two intervals, three request timeouts and 5 s (lib/server/services/judge-source-state.ts)
    const limitMs = 2 * (events?.intervalSeconds ?? 0) * 1000 + HTTP_TIMEOUT_SECONDS * 3000 + 5000;

    clock.now = polledAt + limitMs;
    expect(stateOf((await readHealth()).sources, "public-currentevents")).toBe("ok");
    expect(stateOf(await readStatusSources(), "public-currentevents")).toBe("ok");

    clock.now = polledAt + limitMs + 1;
    const after = await readHealth();
    expect(after.status).toBe("degraded");
    expect(after.sources.find((source) => source.id === "public-currentevents")).toMatchObject({
      state: "stale",
      error: `no successful poll for ${Math.round((limitMs + 1) / 1000)} s`,
    });
    // /api/v1/status reuses its document for up to a second (get-public-status.ts), so it may lag by that much.
    clock.now = polledAt + limitMs + STATUS_CACHE_MS;
    expect(stateOf(await readStatusSources(), "public-currentevents")).toBe("stale");

    // A fresh success makes it ok again.
    await stack.runtime.poller.runNow("public-currentevents");
    expect(stateOf((await readHealth()).sources, "public-currentevents")).toBe("ok");
  });
});

describe("/api/v1/status answers repeat clients with 304", () => {
  it("keeps one strong ETag while only the clock moves, answers If-None-Match without a body, and a change gets a new one", async () => {
    await stack.pollAll();
    const first = await fetch(`${server.url}/api/v1/status`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    await first.arrayBuffer();

    clock.now += STATUS_CACHE_MS + 1;
    const again = await fetch(`${server.url}/api/v1/status`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get("etag")).toBe(etag);

    // Past the staleness limit a source's state changes: a different document, a different tag.
    clock.now += 3_600_000;
    const changed = await fetch(`${server.url}/api/v1/status`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    await changed.arrayBuffer();
  });
});
