import type { Benchmark } from "@/bench/support/benchmark";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { formatMs, printFigure } from "@/bench/support/format-figures";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSharedRegionPacer } from "@/lib/server/exposed-key/create-shared-region-pacer";
import type { RegionPacer } from "@/lib/server/sources/exposed-key/create-region-pacer";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { lookupKeyTrail } from "@/lib/server/sources/exposed-key/lookup-key-trail";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import type { HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { createHealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { createSeededWorld } from "@/lib/simulator/exposed-key/exposed-key-world";

const EVENTS = 5_000;
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];
const RATE = 2;
const PAGE = 50;
const KEY = "AKIABENCHEXPOSED0001";

/**
 * The exposed-key look-up through the real SDK against the simulator's CloudTrail at AWS's real 2 requests/s per
 * region: wall time against the limit's minimum (pages ÷ 2 per region, regions side by side) and calls made.
 */
export const exposedKeyLookupBenchmark: Benchmark = {
  name: "exposed-key-lookup",
  summary: `CloudTrail look-up of ${EVENTS} events over ${REGIONS.length} regions at ${RATE} req/s per region`,
  timeLimitMs: 120_000,
  async run(cleanup: CleanupStack) {
    const sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
    cleanup.add("exposed-key simulator", () => sim.close());
    sim.exposedKey.setWorld(createSeededWorld({ keys: [{ accessKeyId: KEY, accountId: MANAGEMENT, userName: "bench", status: "Active", quarantined: true, trail: { count: EVENTS, regions: REGIONS, spanHours: 20 } }] }, Date.now()));
    sim.exposedKey.setFaults({ ratePerSecond: RATE });
    await measure(sim, "exposed-key-lookup", undefined);
    // The same look-up with its pace slots in the store (as every replica shares them): one write per page.
    const dir = mkdtempSync(path.join(tmpdir(), "bench-exposed-key-"));
    const store = openHealthdeckStore(dir);
    cleanup.add("exposed-key store", async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await measure(sim, "exposed-key-lookup-shared-pace", createSharedRegionPacer({ store, ratePerSecond: RATE }));
  },
};

async function measure(sim: HealthApiSimulator, name: string, pacer: RegionPacer | undefined): Promise<void> {
  sim.exposedKey.resetStats();
  // A fresh second for AWS's token bucket: the previous run's last calls do not count against this one.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const settings: ExposedKeySourceSettings = {
    readRoleTemplate: "arn:aws:iam::{account}:role/HealthdeckResponder",
    actionRoleTemplate: null,
    endpoints: { cloudtrail: `${sim.url}/cloudtrail`, iam: `${sim.url}/iam`, ec2: `${sim.url}/ec2`, sts: sim.url },
    requestTimeoutMs: 10_000,
    regionTimeoutMs: 90_000,
    ratePerSecond: RATE,
    maxEvents: 10_000,
    userAgent: "healthdeck-bench",
    baseCredentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" },
  };
  const started = performance.now();
  const trail = await lookupKeyTrail(settings, { accountId: MANAGEMENT, keyId: KEY, regions: REGIONS, hours: 24, now: Date.now(), pacer });
  const wallMs = performance.now() - started;
  if (trail.totalEvents !== EVENTS) throw new Error(`read ${trail.totalEvents} of ${EVENTS} events: ${JSON.stringify(trail.regions)}`);
  const pagesPerRegion = Math.ceil(EVENTS / REGIONS.length / PAGE);
  const minimumMs = (pagesPerRegion / RATE) * 1000;
  const stats = sim.exposedKey.state();
  const calls = Object.entries(stats.calls).filter(([key]) => key.startsWith("cloudtrail:")).reduce((sum, [, count]) => sum + count, 0);
  const pagesNeeded = REGIONS.length * pagesPerRegion;
  printFigure(name, { wall: formatMs(wallMs), minimum: formatMs(minimumMs), ratio: (wallMs / minimumMs).toFixed(3), events: trail.totalEvents, groups: trail.groups.length }, { text: "wall ≤ 1.10 × pages ÷ 2 per region", met: wallMs <= minimumMs * 1.1 });
  printFigure(name, { calls, pagesNeeded, throttled: stats.throttled }, { text: "calls = pages needed (no retry, no throttling)", met: calls === pagesNeeded && stats.throttled === 0 });
}
