import Parser from "rss-parser";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { loadScenario } from "@/lib/simulator/load-scenario";

const START_MS = Date.parse("2026-08-17T16:00:00Z");
let clockMs = START_MS;
let sim: PublicStatusSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
  clockMs = START_MS;
});

async function start(scenarioName: string, latencyMs?: number): Promise<PublicStatusSimulator> {
  sim = await createPublicStatusSimulator({ scenario: await loadScenario(scenarioName), now: () => clockMs, latencyMs });
  return sim;
}

/** Steps with the clock moved on a minute first, so every update gets its own timestamp. */
function stepAfterMinute(simulator: PublicStatusSimulator) {
  clockMs += 60_000;
  return simulator.step();
}

async function getBytes(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const levelString = z.enum(["0", "1", "2", "3"]);
const epochSecondsString = z.string().regex(/^\d{10}$/);
const currentEventSchema = z.strictObject({
  date: epochSecondsString,
  arn: z.string().regex(/^arn:aws:health:[a-z0-9-]+::event\/[A-Z0-9_]+\/[A-Z0-9_]+\/[A-Z0-9_]+_[0-9A-F]{5}_[0-9A-F]{11}$/),
  region_name: z.string(),
  status: levelString,
  service: z.string(),
  service_name: z.string(),
  summary: z.string(),
  event_log: z.array(
    z.strictObject({ summary: z.string(), message: z.string(), status: z.number().int(), timestamp: z.number().int().lt(1e10) }),
  ),
  impacted_services: z.record(z.string(), z.strictObject({ service_name: z.string(), current: levelString, max: levelString })).optional(),
  impacted_service_status_changes: z
    .array(
      z.strictObject({
        service: z.string(),
        service_name: z.string(),
        previous_status: levelString,
        current_status: levelString,
        timestamp: z.number().int().gt(1e12),
      }),
    )
    .optional(),
  end_time: epochSecondsString.optional(),
});

async function readCurrentEvents(simulator: PublicStatusSimulator) {
  const { bytes } = await getBytes(simulator.currentEventsUrl);
  expect([...bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
  return z.array(currentEventSchema).parse(JSON.parse(new TextDecoder("utf-16be").decode(bytes)));
}

async function readFeed(simulator: PublicStatusSimulator, name: string) {
  const response = await fetch(`${simulator.rssBaseUrl}${name}.rss`);
  expect(response.status).toBe(200);
  return new Parser().parseString(await response.text());
}

describe("public status simulator documents", () => {
  it("serves the healthy state as exactly FE FF 00 5B 00 5D with AWS's content type", async () => {
    const simulator = await start("healthy");
    const { response, bytes } = await getBytes(simulator.currentEventsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json;charset=utf-16");
    expect([...bytes]).toEqual([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]);
    const all = await readFeed(simulator, "all");
    expect(all.items).toEqual([]);
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(simulator.rssBaseUrl).toBe(`${simulator.url}/rss/`);
  });

  it("serves currentevents in the real field shapes and types, lingering resolved events, then dropping them", async () => {
    const simulator = await start("demo-incident");
    for (let i = 0; i < 4; i += 1) stepAfterMinute(simulator);
    const open = await readCurrentEvents(simulator);
    expect(open.map((event) => event.service)).toEqual([
      "sagemaker-eu-west-1",
      "lambda-us-east-1",
      "multipleservices-us-east-1",
      "dynamodb-us-west-2",
    ]);
    const multi = open[2];
    expect(multi).toMatchObject({ region_name: "N. Virginia", status: "3", service_name: "Multiple services" });
    expect(multi?.arn).toMatch(/^arn:aws:health:us-east-1::event\/MULTIPLE_SERVICES\/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE\//);
    expect(multi?.impacted_services?.["dynamodb-us-east-1"]).toEqual({ service_name: "Amazon DynamoDB", current: "3", max: "3" });
    expect(multi?.impacted_service_status_changes?.[0]?.timestamp).toBe(Number(multi?.date) * 1000);
    expect(open[3]?.region_name).toBe("Oregon");
    expect(open[1]?.impacted_services).toBeUndefined();

    for (let i = 0; i < 4; i += 1) stepAfterMinute(simulator);
    const resolved = await readCurrentEvents(simulator);
    expect(resolved).toHaveLength(4);
    for (const event of resolved) {
      expect(event.status).toBe("0");
      expect(event.summary.startsWith("[RESOLVED] ")).toBe(true);
      expect(event.end_time).toBe(String(event.event_log.at(-1)?.timestamp));
      expect(event.event_log.at(-1)?.status).toBe(0);
    }
    const recoveredMulti = resolved.find((event) => event.service === "multipleservices-us-east-1");
    expect(recoveredMulti?.impacted_services?.["dynamodb-us-east-1"]).toEqual({ service_name: "Amazon DynamoDB", current: "0", max: "3" });

    stepAfterMinute(simulator);
    expect(await readCurrentEvents(simulator)).toEqual([]);
    const lambdaFeed = await readFeed(simulator, "lambda-us-east-1");
    expect(lambdaFeed.items[0]?.title).toBe("Service is operating normally: [RESOLVED] Increased Invocation Error Rates");
  });

  it("publishes one step's update identically to currentevents, all.rss and the key's feed", async () => {
    const simulator = await start("demo-incident");
    for (let i = 0; i < 5; i += 1) stepAfterMinute(simulator);
    const events = await readCurrentEvents(simulator);
    const multi = events.find((event) => event.service === "multipleservices-us-east-1");
    const entry = multi?.event_log.at(-1);
    expect(entry?.message).toContain("<script>alert(1)</script> & <b>bold</b>");
    const guid = `https://status.aws.amazon.com/#multipleservices-us-east-1_${entry?.timestamp}`;
    for (const feedName of ["all", "multipleservices-us-east-1"]) {
      const feed = await readFeed(simulator, feedName);
      const item = feed.items.find((candidate) => candidate.guid === guid);
      expect(item?.title).toBe(`Service disruption: ${entry?.summary}`);
      expect(item?.content).toBe(entry?.message);
      expect(Date.parse(item?.isoDate ?? "") / 1000).toBe(entry?.timestamp);
    }
    const keyFeed = await readFeed(simulator, "multipleservices-us-east-1");
    expect(keyFeed.title).toBe("Multiple services (N. Virginia) Service Status");
    expect(keyFeed.items.map((item) => item.guid)).toEqual(
      [...(multi?.event_log ?? [])].reverse().map((log) => `https://status.aws.amazon.com/#multipleservices-us-east-1_${log.timestamp}`),
    );
  });

  it("lists all.rss newest first with pubDate equal to the guid epoch", async () => {
    const simulator = await start("demo-incident");
    for (let i = 0; i < 8; i += 1) stepAfterMinute(simulator);
    const all = await readFeed(simulator, "all");
    expect(all.items.length).toBeGreaterThan(10);
    const epochs = all.items.map((item) => Number(item.guid?.split("_").at(-1)));
    expect(epochs).toEqual([...epochs].sort((a, b) => b - a));
    for (const item of all.items) {
      expect(Date.parse(item.isoDate ?? "") / 1000).toBe(Number(item.guid?.split("_").at(-1)));
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} P[DS]T$/);
    }
  });

  it("answers 304 to If-None-Match and If-Modified-Since until the content changes", async () => {
    const simulator = await start("demo-incident");
    stepAfterMinute(simulator);
    const first = await getBytes(simulator.currentEventsUrl);
    const etag = first.response.headers.get("etag") ?? "";
    const lastModified = first.response.headers.get("last-modified") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(lastModified).toBe(new Date(clockMs).toUTCString());
    clockMs += 5_000;
    const byEtag = await getBytes(simulator.currentEventsUrl, { "If-None-Match": etag });
    expect(byEtag.response.status).toBe(304);
    expect(byEtag.bytes.length).toBe(0);
    expect(byEtag.response.headers.get("last-modified")).toBe(lastModified);
    const byDate = await getBytes(simulator.currentEventsUrl, { "If-Modified-Since": lastModified });
    expect(byDate.response.status).toBe(304);

    stepAfterMinute(simulator);
    const changed = await getBytes(simulator.currentEventsUrl, { "If-None-Match": etag, "If-Modified-Since": lastModified });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(etag);
    expect(changed.response.headers.get("last-modified")).toBe(new Date(clockMs).toUTCString());
    const stats = simulator.stats();
    expect(stats).toMatchObject({ requests: 4, notModified: 2 });
    expect(stats.byPath["/public/currentevents"]).toBe(4);
    expect(stats.bytes).toBe(first.bytes.length + changed.bytes.length);
  });

  it("answers an unknown feed key with an S3-style 404, and serves any catalogue key's empty feed", async () => {
    const simulator = await start("healthy");
    const missing = await fetch(`${simulator.rssBaseUrl}no-such-service-us-east-1.rss`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<Code>NoSuchKey</Code>");
    const ec2 = await readFeed(simulator, "ec2-us-east-1");
    expect(ec2.title).toBe("Amazon Elastic Compute Cloud (N. Virginia) Service Status");
    expect(ec2.items).toEqual([]);
    const route53 = await readFeed(simulator, "route53");
    expect(route53.title).toBe("Amazon Route 53 Service Status");
  });

  it("serves the catalogue as UTF-8 with a BOM", async () => {
    const simulator = await start("healthy");
    const { response, bytes } = await getBytes(simulator.catalogUrl);
    expect(response.status).toBe(200);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const entries = z
      .array(z.object({ service: z.string(), service_name: z.string(), region_id: z.string(), region_name: z.string() }))
      .parse(JSON.parse(bytes.subarray(3).toString("utf8")));
    expect(entries.map((entry) => entry.service)).toEqual(expect.arrayContaining(["lambda-us-east-1", "multipleservices-us-east-1"]));
  });

  it("waits latencyMs before answering", async () => {
    const simulator = await start("healthy", 150);
    const started = Date.now();
    await getBytes(simulator.currentEventsUrl);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
