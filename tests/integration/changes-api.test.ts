import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesResponseSchema } from "@/lib/shared/changes-contract";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

// The route reads the process-wide runtime (get-runtime.ts): this stack's runtime is it.
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
let stack: PublicStack;
let server: TestServer;

beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const changes = await import("@/app/api/v1/changes/route");
  server = await listenFetchHandler((request) => changes.GET(request));
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server.close();
  await stack.close();
});

const read = async (query: string) => {
  const response = await fetch(`${server.url}/api/v1/changes${query}`);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe("GET /api/v1/changes", () => {
  it("lists what polling changed, in id order, and resumes from nextAfter", async () => {
    await stack.pollAll();
    stack.simulator.step();
    await stack.pollAll();
    const all = changesResponseSchema.parse((await read("")).body);
    const ids = all.changes.map((change) => change.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const kinds = new Set(all.changes.map((change) => change.kind));
    expect(kinds.has("source.state")).toBe(true);
    expect(kinds.has("public.event.opened")).toBe(true);
    expect(kinds.has("public.service.status")).toBe(true);
    const opened = all.changes.find((change) => change.kind === "public.event.opened");
    expect(opened?.subject.eventId).toEqual(expect.any(String));
    expect(Date.parse(opened?.at ?? "")).not.toBeNaN();
    expect(all.nextAfter).toBe(ids.at(-1));

    const first = changesResponseSchema.parse((await read("?limit=2")).body);
    expect(first.changes.map((change) => change.id)).toEqual(ids.slice(0, 2));
    const rest = changesResponseSchema.parse((await read(`?after=${first.nextAfter}&limit=1000`)).body);
    expect([...first.changes, ...rest.changes].map((change) => change.id)).toEqual(ids);
    expect(changesResponseSchema.parse((await read(`?after=${all.nextAfter}`)).body)).toEqual({ changes: [], nextAfter: all.nextAfter });
  });

  it("filters like the board: a region's changes plus those about no one region", async () => {
    const all = changesResponseSchema.parse((await read("?limit=1000")).body);
    const filtered = changesResponseSchema.parse((await read("?region=ap-south-1&limit=1000")).body);
    expect(filtered.changes.length).toBeLessThan(all.changes.length);
    expect(filtered.changes.every((change) => change.kind === "source.state" || change.subject.key === undefined || change.subject.key.endsWith("ap-south-1"))).toBe(true);
    expect(filtered.nextAfter).toBe(all.nextAfter);
  });

  it("answers 400 with a reason for bad input", async () => {
    for (const [query, reason] of [
      ["?after=-1", "after must be a whole number"],
      ["?limit=0", "limit must be at least 1"],
      ["?limit=5000", "limit must be at most 1000"],
      ["?region=US%20EAST", "region must be a region code"],
      ["?account=12", "account must be a 12-digit AWS account id"],
    ]) {
      const answer = await read(query ?? "");
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(reason);
    }
  });
});
