import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { createSeededWorld } from "@/lib/simulator/exposed-key/exposed-key-world";
import { waitUntil } from "@/tests/support/replica-cluster";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

/**
 * Two replicas (runtimes) on one PostgreSQL database, the simulator's CloudTrail and IAM over HTTP: a look-up started
 * on one is shown by the other while it runs, is never run twice, and CloudTrail's per-region rate holds for both.
 */
const TOKEN = "exposed-key-replicas-token-0123456789";
const KEYS = ["AKIAREPLICAKEY000001", "AKIAREPLICAKEY000002"] as const;
const dir = mkdtempSync(path.join(tmpdir(), "exposed-key-replicas-"));
let postgres: TestPostgres;
let sim: HealthApiSimulator;
let first: HealthdeckRuntime;
let second: HealthdeckRuntime;
const eventIds: string[] = [];

function exposedPush(key: string, index: number) {
  const now = new Date();
  return {
    version: "0",
    id: `push-replicas-${index}`,
    "detail-type": "AWS Health Event",
    source: "aws.health",
    account: MANAGEMENT,
    time: now.toISOString(),
    region: "eu-west-1",
    resources: [key],
    detail: {
      eventArn: `arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED_replicas_${index}`,
      service: "RISK",
      eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED",
      eventTypeCategory: "issue",
      eventScopeCode: "ACCOUNT_SPECIFIC",
      communicationId: `replicas-${index}`,
      startTime: now.toUTCString(),
      lastUpdatedTime: now.toUTCString(),
      statusCode: "open",
      eventRegion: "global",
      eventDescription: [{ language: "en_US", latestDescription: "Your key is publicly available." }],
      eventMetadata: { publicKey: key, userName: `user-${index}`, accountId: MANAGEMENT },
      affectedEntities: [{ entityValue: key }],
      affectedAccount: MANAGEMENT,
    },
  };
}

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase("exposed_key_replicas");
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
  const trail = { count: 500, regions: ["us-east-1", "eu-west-1"], spanHours: 10 };
  sim.exposedKey.setWorld(createSeededWorld({ keys: KEYS.map((accessKeyId, index) => ({ accessKeyId, accountId: MANAGEMENT, userName: `user-${index}`, status: "Active" as const, quarantined: true, trail })) }, Date.now()));
  // AWS's limit (2 a second per account and region), with some latency: a look-up takes a few seconds.
  sim.exposedKey.setFaults({ ratePerSecond: 2, latencyMs: 100 });
  const config = parseConfig({
    HEALTHDECK_DATA_DIR: dir,
    HEALTHDECK_DATABASE_URL: databaseUrl,
    HEALTHDECK_PUBLIC_EVENTS_URL: "http://127.0.0.1:9/currentevents",
    HEALTHDECK_ACCOUNT_HEALTH: "off",
    HEALTHDECK_INGEST_TOKEN: TOKEN,
    HEALTHDECK_EXPOSED_KEY_LOOKUP: "manual",
    HEALTHDECK_RESPONDER_ROLE: "arn:aws:iam::{account}:role/HealthdeckResponder",
  });
  const env = { AWS_ENDPOINT_URL_CLOUDTRAIL: `${sim.url}/cloudtrail`, AWS_ENDPOINT_URL_IAM: `${sim.url}/iam`, AWS_ENDPOINT_URL_EC2: `${sim.url}/ec2`, AWS_ENDPOINT_URL_STS: sim.url };
  const source = { baseCredentials: { accessKeyId: "AKIDBASETEST", secretAccessKey: "test-secret" }, regionTimeoutMs: 30_000 };
  const start = () => createHealthdeckRuntime({ config, store: openHealthdeckStore({ dataDir: dir, databaseUrl, leaderRetryMs: 300 }), logger: silentLogger, exposedKey: { env, source } });
  first = start();
  second = start();
  await Promise.all([first.ready, second.ready]);
  for (const [index, key] of KEYS.entries()) {
    const pushed = await handleIngestRequest(
      new Request("http://127.0.0.1/api/v1/ingest/eventbridge", { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(exposedPush(key, index)) }),
      { store: first.store, config, now: Date.now, logger: silentLogger },
    );
    expect(pushed.status).toBe(200);
    eventIds.push(((await pushed.json()) as { results: { id: string }[] }).results[0]?.id ?? "");
  }
}, 90_000);

afterAll(async () => {
  await second?.close();
  await first?.close();
  await sim?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const cloudTrailCalls = () => Object.entries(sim.exposedKey.state().calls).filter(([name]) => name.startsWith("cloudtrail:")).reduce((sum, [, count]) => sum + count, 0);
const pagesOf = (view: ExposedKeyResponse | null) => view?.lookup?.regions.reduce((sum, region) => sum + region.pages, 0) ?? 0;
const viewOn = async (runtime: HealthdeckRuntime, eventId: string) => runtime.exposedKey.getView(eventId);

describe("the exposed-key look-up with two replicas on PostgreSQL", () => {
  it("started on one replica: the other shows it running with its progress, starts no second one, then shows its result", async () => {
    const eventId = eventIds[0] ?? "";
    sim.exposedKey.resetStats();
    const started = await first.exposedKey.startLookup(eventId, { hours: 24, regions: ["eu-west-1"], trigger: "manual", startedBy: "alice" });
    expect(started).toMatchObject({ ok: true, isNew: true, lookup: { status: "running", startedBy: "alice" } });
    const lookupId = started.ok ? started.lookup.id : "";

    const running = await waitUntil("the other replica to show progress", async () => {
      const view = await viewOn(second, eventId);
      return view?.lookup?.status === "running" && (view.lookup.progress?.pages ?? 0) > 0 ? view : null;
    }, 15_000);
    expect(running.lookup).toMatchObject({ id: lookupId, startedBy: "alice", trigger: "manual" });

    // The same request and another window, on the other replica, while the first runs: both answer the one running.
    const again = await second.exposedKey.startLookup(eventId, { hours: 24, regions: ["eu-west-1"], trigger: "manual", startedBy: "bob" });
    const other = await second.exposedKey.startLookup(eventId, { hours: 48, regions: ["us-west-2"], trigger: "manual", startedBy: "bob" });
    expect(again).toMatchObject({ ok: true, isNew: false, lookup: { id: lookupId, status: "running" } });
    expect(other).toMatchObject({ ok: true, isNew: false, lookup: { id: lookupId, status: "running" } });

    const done = await waitUntil("the other replica to show the result", async () => {
      const view = await viewOn(second, eventId);
      return view?.lookup?.status === "complete" ? view : null;
    }, 30_000);
    expect(done.lookup).toMatchObject({ id: lookupId, totalEvents: 500, startedBy: "alice", progress: { events: 500 } });
    expect(done.keyState).toMatchObject({ status: "Active", quarantinePolicies: ["AWSCompromisedKeyQuarantineV3"] });
    // One look-up's pages and not a call more: the second replica never paged CloudTrail for this key.
    expect(cloudTrailCalls()).toBe(pagesOf(done));
    expect(pagesOf(done)).toBe(10);
    expect(sim.exposedKey.state().throttled).toBe(0);
  }, 60_000);

  it("two look-ups of one account's keys on two replicas at once keep CloudTrail's 2 a second per region together", async () => {
    sim.exposedKey.resetStats();
    const begun = Date.now();
    const [one, two] = await Promise.all([
      first.exposedKey.startLookup(eventIds[0] ?? "", { hours: 12, regions: [], trigger: "manual" }),
      second.exposedKey.startLookup(eventIds[1] ?? "", { hours: 12, regions: [], trigger: "manual" }),
    ]);
    expect([one.ok && one.isNew, two.ok && two.isNew]).toEqual([true, true]);
    await Promise.all([first.exposedKey.waitForLookup(eventIds[0] ?? ""), second.exposedKey.waitForLookup(eventIds[1] ?? "")]);
    const views = await Promise.all(eventIds.map((eventId) => viewOn(first, eventId)));
    expect(views.map((view) => view?.lookup?.status)).toEqual(["complete", "complete"]);
    // Each replica alone would call 2 a second per region; together they would be throttled.
    expect(sim.exposedKey.state().throttled).toBe(0);
    expect(cloudTrailCalls()).toBe(pagesOf(views[0] ?? null) + pagesOf(views[1] ?? null));
    // Both keys in us-east-1 (the events are global): 10 pages in all at 2 a second, at least 4.5 s.
    expect(Date.now() - begun).toBeGreaterThanOrEqual(4_500);
  }, 60_000);
});
