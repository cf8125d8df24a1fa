import Parser from "rss-parser";
import { afterEach, describe, expect, it } from "vitest";
import { fetchUpstream, type FetchUpstreamOptions } from "@/lib/server/http/fetch-upstream";
import { UpstreamError } from "@/lib/server/http/upstream-error";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { loadScenario } from "@/lib/simulator/load-scenario";

let sim: PublicStatusSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function startDemo(steps = 4): Promise<PublicStatusSimulator> {
  sim = await createPublicStatusSimulator({ scenario: await loadScenario("demo-incident") });
  for (let i = 0; i < steps; i += 1) sim.step();
  return sim;
}

function upstream(url: string, extra: Partial<FetchUpstreamOptions> = {}): Promise<unknown> {
  return fetchUpstream({
    url,
    userAgent: "healthdeck-test",
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    maxBytes: 1_000_000,
    retries: 0,
    ...extra,
  }).catch((error: unknown) => error);
}

async function bytesOf(url: string) {
  const response = await fetch(url);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("simulator faults", () => {
  it("status: answers the given HTTP status on the target only", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "status", status: 500 }, "currentevents");
    expect((await fetch(simulator.currentEventsUrl)).status).toBe(500);
    expect((await fetch(`${simulator.rssBaseUrl}all.rss`)).status).toBe(200);
    simulator.setFault(null, "currentevents");
    expect((await fetch(simulator.currentEventsUrl)).status).toBe(200);
  });

  it("hang-before-headers: never answers, so the client's header timeout fires", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "hang-before-headers" }, "rss");
    const error = await upstream(`${simulator.rssBaseUrl}all.rss`);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "timeout", message: expect.stringContaining("headers") });
  });

  it("hang-mid-body: sends headers and half the body, then stalls", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "hang-mid-body" }, "currentevents");
    const error = await upstream(simulator.currentEventsUrl, { headersTimeoutMs: 2_000 });
    expect(error).toMatchObject({ kind: "timeout", message: expect.stringContaining("body") });
    const stats = simulator.stats();
    expect(stats.bytes).toBeGreaterThan(0);
    simulator.setFault(null);
    const full = await bytesOf(simulator.currentEventsUrl);
    expect(simulator.stats().bytes - stats.bytes).toBe(full.bytes.length);
    expect(stats.bytes).toBe(Math.floor(full.bytes.length / 2));
  });

  it("malformed: truncated JSON in the right encoding, and XML that does not parse", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "malformed" }, "all");
    const { bytes } = await bytesOf(simulator.currentEventsUrl);
    expect([...bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    const text = new TextDecoder("utf-16be").decode(bytes);
    expect(text.startsWith('[{"date":')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const xml = await (await fetch(`${simulator.rssBaseUrl}all.rss`)).text();
    await expect(new Parser().parseString(xml)).rejects.toThrow();
    const catalog = await bytesOf(simulator.catalogUrl);
    expect(() => JSON.parse(catalog.bytes.subarray(3).toString("utf8"))).toThrow(SyntaxError);
  });

  it("wrong-encoding: UTF-8 JSON behind a UTF-16BE BOM decodes to garbage", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "wrong-encoding" }, "currentevents");
    const { response, bytes } = await bytesOf(simulator.currentEventsUrl);
    expect(response.headers.get("content-type")).toBe("application/json;charset=utf-16");
    expect([...bytes.subarray(0, 4)]).toEqual([0xfe, 0xff, 0x5b, 0x7b]);
    const decoded = new TextDecoder("utf-16be").decode(bytes);
    expect(() => JSON.parse(decoded)).toThrow(SyntaxError);
    expect(bytes.subarray(2).toString("utf8")).toContain('"service":"lambda-us-east-1"');
  });

  it("wrong-encoding: RSS arrives as UTF-16LE while declaring UTF-8", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "wrong-encoding" }, "rss");
    const { bytes } = await bytesOf(`${simulator.rssBaseUrl}all.rss`);
    expect([...bytes.subarray(0, 4)]).toEqual([0x3c, 0x00, 0x3f, 0x00]);
    await expect(new Parser().parseString(bytes.toString("utf8"))).rejects.toThrow();
  });

  it("huge-body: streams past the client's limit without Content-Length (10 MB by default)", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "huge-body" }, "rss");
    const error = await upstream(`${simulator.rssBaseUrl}all.rss`, { maxBytes: 200_000, bodyTimeoutMs: 5_000 });
    expect(error).toMatchObject({ kind: "too-large" });
    simulator.setFault({ kind: "huge-body", bytes: 300_000 }, "rss");
    const { response, bytes } = await bytesOf(`${simulator.rssBaseUrl}all.rss`);
    expect(response.headers.get("content-length")).toBeNull();
    expect(bytes.length).toBe(300_000);
    expect(bytes.toString("utf8").trimEnd().endsWith("</rss>")).toBe(true);
  });

  it("redirect-loop: bounces between two URLs", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "redirect-loop" }, "catalog");
    const first = await fetch(simulator.catalogUrl, { redirect: "manual" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/services.json?__sim_loop=1");
    const error = await upstream(simulator.catalogUrl);
    expect(error).toMatchObject({ kind: "redirect", message: expect.stringContaining("loop") });
  });

  it("slow: delays the normal response by ms", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "slow", ms: 250 }, "currentevents");
    const started = Date.now();
    const response = await fetch(simulator.currentEventsUrl);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("close() ends hanging and delayed responses promptly", async () => {
    const simulator = await startDemo();
    simulator.setFault({ kind: "hang-before-headers" }, "currentevents");
    simulator.setFault({ kind: "hang-mid-body" }, "catalog");
    simulator.setFault({ kind: "slow", ms: 60_000 }, "rss");
    const pending = [
      fetch(simulator.currentEventsUrl).then((r) => r.arrayBuffer()),
      fetch(simulator.catalogUrl).then((r) => r.arrayBuffer()),
      fetch(`${simulator.rssBaseUrl}all.rss`).then((r) => r.arrayBuffer()),
    ].map((promise) => promise.then(() => "completed", () => "failed"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await simulator.close();
    expect(await Promise.all(pending)).toEqual(["failed", "failed", "failed"]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
