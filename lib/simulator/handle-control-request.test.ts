import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { MAX_CONTROL_BODY_BYTES } from "@/lib/simulator/handle-control-request";
import { loadScenario } from "@/lib/simulator/load-scenario";

let sim: PublicStatusSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function startDemo(): Promise<PublicStatusSimulator> {
  sim = await createPublicStatusSimulator({ scenario: await loadScenario("demo-incident") });
  return sim;
}

async function call(simulator: PublicStatusSimulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: z.record(z.string(), z.unknown()).parse(await response.json()) };
}

describe("simulator control endpoints", () => {
  it("steps, reports state and resets over HTTP", async () => {
    const simulator = await startDemo();
    const initial = await call(simulator, "GET", "state");
    expect(initial).toEqual({
      status: 200,
      json: {
        scenario: "demo-incident",
        stepIndex: -1,
        stepCount: 9,
        faults: { currentevents: null, rss: null, catalog: null },
        latencyMs: 0,
        stats: { requests: 0, bytes: 0, byPath: {}, notModified: 0 },
      },
    });
    const step = await call(simulator, "POST", "step");
    expect(step.json).toMatchObject({ applied: true, index: 0, label: "Background notice in eu-west-1", total: 9, remaining: 8 });
    const bytes = Buffer.from(await (await fetch(simulator.currentEventsUrl)).arrayBuffer());
    expect(new TextDecoder("utf-16be").decode(bytes)).toContain("sagemaker-eu-west-1");
    expect((await call(simulator, "GET", "state")).json).toMatchObject({ stepIndex: 0, stats: { requests: 1 } });

    const reset = await call(simulator, "POST", "reset");
    expect(reset.json).toMatchObject({ stepIndex: -1 });
    const after = Buffer.from(await (await fetch(simulator.currentEventsUrl)).arrayBuffer());
    expect([...after]).toEqual([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]);
    expect(simulator.state().stepIndex).toBe(-1);
  });

  it("reports applied: false after the last step", async () => {
    const simulator = await createPublicStatusSimulator({ scenario: await loadScenario("healthy") });
    sim = simulator;
    expect((await call(simulator, "POST", "step")).json).toEqual({
      applied: false,
      index: -1,
      label: null,
      at: null,
      total: 0,
      remaining: 0,
    });
  });

  it("sets and clears faults per target, validating the body", async () => {
    const simulator = await startDemo();
    const set = await call(simulator, "POST", "fault", { target: "rss", fault: { kind: "status", status: 503 } });
    expect(set.status).toBe(200);
    expect(set.json.faults).toEqual({ currentevents: null, rss: { kind: "status", status: 503 }, catalog: null });
    expect((await fetch(`${simulator.rssBaseUrl}all.rss`)).status).toBe(503);

    const everywhere = await call(simulator, "POST", "fault", { fault: { kind: "slow", ms: 10 } });
    expect(everywhere.json.faults).toEqual({
      currentevents: { kind: "slow", ms: 10 },
      rss: { kind: "slow", ms: 10 },
      catalog: { kind: "slow", ms: 10 },
    });
    const cleared = await call(simulator, "POST", "fault", { target: "all", fault: null });
    expect(cleared.json.faults).toEqual({ currentevents: null, rss: null, catalog: null });

    const unknownKind = await call(simulator, "POST", "fault", { target: "rss", fault: { kind: "explode" } });
    expect(unknownKind.status).toBe(400);
    expect(String(unknownKind.json.error)).toContain("fault");
    const badStatus = await call(simulator, "POST", "fault", { target: "rss", fault: { kind: "status", status: 200 } });
    expect(badStatus.status).toBe(400);
    const badTarget = await call(simulator, "POST", "fault", { target: "s3", fault: null });
    expect(badTarget.status).toBe(400);
    const notJson = await call(simulator, "POST", "fault", "{not json");
    expect(notJson).toEqual({ status: 400, json: { error: "request body is not valid JSON" } });
  });

  it("rejects an oversized control body with 413", async () => {
    const simulator = await startDemo();
    const padding = "x".repeat(MAX_CONTROL_BODY_BYTES + 1);
    const declared = await call(simulator, "POST", "fault", { target: "rss", fault: null, padding });
    expect(declared.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${simulator.url}/__sim/fault`, { method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 5; i += 1) req.write("y".repeat(MAX_CONTROL_BODY_BYTES / 2));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(simulator.state().faults.rss).toBeNull();
  });

  it("resets stats and answers unknown routes with 404", async () => {
    const simulator = await startDemo();
    await fetch(simulator.currentEventsUrl);
    await fetch(`${simulator.rssBaseUrl}all.rss`);
    expect(simulator.stats().requests).toBe(2);
    const reset = await call(simulator, "POST", "stats/reset");
    expect(reset.json.stats).toEqual({ requests: 0, bytes: 0, byPath: {}, notModified: 0 });
    expect((await call(simulator, "GET", "nothing")).status).toBe(404);
    expect((await call(simulator, "GET", "step")).status).toBe(404);
    expect(simulator.stats().requests).toBe(0);
  });
});
