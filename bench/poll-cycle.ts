import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import type { SourceCycleReport } from "@/lib/server/poller/create-source-job";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { generateBenchScenario } from "@/lib/simulator/generate-bench-scenario";
import type { Benchmark } from "@/bench/support/benchmark";
import { SIMULATOR_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";
import { formatBytes, formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { startByteCountingProxy, type ByteCountingProxy } from "@/bench/support/start-byte-counting-proxy";

const NAME = "poll-cycle";
const LATENCY_MS = 20;
const FEED_LIMIT = 500;
const UPDATES_PER_KEY = 3;
// 625 keys over 5 regions; the scope keeps 4 of them, so exactly 500 catalogue keys are in scope.
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "eu-central-1"];
const SCOPE_REGIONS = REGIONS.slice(0, 4);
const KEYS = 625;
const RATIO_GOAL = 0.05;

interface CycleFigures {
  wallMs: number;
  requests: number;
  notModified: number;
  bytes: number;
  wireSent: number;
  wireReceived: number;
  reports: SourceCycleReport[];
}

async function runCycle(runtime: HealthdeckRuntime, simulator: PublicStatusSimulator, proxy: ByteCountingProxy, reports: SourceCycleReport[]): Promise<CycleFigures> {
  simulator.resetStats();
  proxy.reset();
  reports.length = 0;
  const started = performance.now();
  // Both jobs at once, as on the poller's first tick; they share the HTTP concurrency limit.
  await Promise.all([runtime.poller.runNow("public-currentevents"), runtime.poller.runNow("public-rss")]);
  const wallMs = performance.now() - started;
  const stats = simulator.stats();
  const wire = proxy.snapshot();
  return { wallMs, requests: stats.requests, notModified: stats.notModified, bytes: stats.bytes, wireSent: wire.sent, wireReceived: wire.received, reports: [...reports] };
}

function printSourceReports(prefix: string, reports: SourceCycleReport[]): void {
  for (const report of reports) {
    printFigure(`${prefix}.${report.sourceId}`, {
      ok: report.ok,
      documents: report.documents,
      fetched: report.fetched,
      notModified: report.notModified,
      failed: report.failed,
      bytes: formatBytes(report.bytes),
      duration: formatMs(report.durationMs),
    });
  }
}

export const pollCycleBenchmark: Benchmark = {
  name: NAME,
  summary: `one public poll cycle (currentevents + all.rss + ${FEED_LIMIT} per-service feeds) in process, simulator latency ${LATENCY_MS} ms`,
  timeLimitMs: 2 * 60_000,
  async run(cleanup) {
    const bench = generateBenchScenario({ keys: KEYS, regions: REGIONS, updatesPerKey: UPDATES_PER_KEY, liveSteps: 1 });
    const simulator = await createPublicStatusSimulator({
      scenario: bench.scenario,
      catalog: bench.catalog,
      latencyMs: LATENCY_MS,
      port: await findFreePort(SIMULATOR_PORT_RANGE),
    });
    cleanup.add("simulator", () => simulator.close());
    // The history rounds and the expiry of resolved events; the live steps stay unapplied so nothing changes later.
    for (let i = 0; i <= UPDATES_PER_KEY; i += 1) simulator.step();

    const target = new URL(simulator.url);
    const proxy = await startByteCountingProxy(cleanup, { host: target.hostname, port: Number(target.port) });
    const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-bench-poll-"));
    cleanup.add("data dir", () => rmSync(dataDir, { recursive: true, force: true }));
    const config = parseConfig({
      HEALTHDECK_DATA_DIR: dataDir,
      HEALTHDECK_PUBLIC_EVENTS_URL: simulator.currentEventsUrl.replace(simulator.url, proxy.url),
      HEALTHDECK_PUBLIC_RSS_BASE_URL: simulator.rssBaseUrl.replace(simulator.url, proxy.url),
      HEALTHDECK_CATALOG_URL: simulator.catalogUrl.replace(simulator.url, proxy.url),
      HEALTHDECK_REGIONS: SCOPE_REGIONS.join(","),
      HEALTHDECK_RSS_FEED_LIMIT: String(FEED_LIMIT),
    });
    const reports: SourceCycleReport[] = [];
    const runtime = createHealthdeckRuntime({
      config,
      store: openHealthdeckStore(dataDir),
      logger: silentLogger,
      onCycle: (report) => reports.push(report),
    });
    cleanup.add("runtime", () => runtime.close());

    await runtime.poller.runNow("public-catalog");
    const inScope = runtime.getCatalog().entries.filter((entry) => entry.region !== null && SCOPE_REGIONS.includes(entry.region)).length;
    const feedKeys = await runtime.listFeedKeys();
    printNote(
      NAME,
      `setup: ${bench.scenario.name} (${KEYS} keys in ${REGIONS.length} regions, ${UPDATES_PER_KEY} updates each, ${bench.openKeys.length} still open), ` +
        `HEALTHDECK_REGIONS=${SCOPE_REGIONS.join(",")} → ${inScope} catalogue keys in scope, HEALTHDECK_RSS_FEED_LIMIT=${FEED_LIMIT}, ` +
        `HEALTHDECK_HTTP_CONCURRENCY=${config.HEALTHDECK_HTTP_CONCURRENCY}, catalogue fetched before the cycle (not counted)`,
    );
    if (feedKeys.length !== FEED_LIMIT) throw new Error(`listFeedKeys() returned ${feedKeys.length} keys, expected ${FEED_LIMIT}`);

    const first = await runCycle(runtime, simulator, proxy, reports);
    const feedsWithUpdates = (await Promise.all(feedKeys.map(async (key) => (await runtime.store.updates.listForKey(key)).length > 0))).filter(Boolean).length;
    const floorMs = Math.ceil(first.requests / config.HEALTHDECK_HTTP_CONCURRENCY) * LATENCY_MS;
    printFigure(`${NAME}.first`, {
      wall: formatMs(first.wallMs),
      floor: `${formatMs(floorMs)}(requests/concurrency×latency)`,
      requests: first.requests,
      bytes: formatBytes(first.bytes),
      wire: `${formatBytes(first.wireSent)}↑/${formatBytes(first.wireReceived)}↓`,
      feedKeys: feedKeys.length,
      feedsWithStoredUpdates: `${feedsWithUpdates}/${feedKeys.length}`,
    });
    printSourceReports(`${NAME}.first`, first.reports);

    const second = await runCycle(runtime, simulator, proxy, reports);
    const ratio = first.bytes === 0 ? Number.NaN : second.bytes / first.bytes;
    const wireRatio = (second.wireSent + second.wireReceived) / (first.wireSent + first.wireReceived);
    printFigure(
      `${NAME}.second`,
      {
        wall: formatMs(second.wallMs),
        requests: second.requests,
        notModified: second.notModified,
        bytes: formatBytes(second.bytes),
        ratio: ratio.toFixed(4),
      },
      { text: `body-bytes ratio ≤ ${RATIO_GOAL}`, met: ratio <= RATIO_GOAL },
    );
    printFigure(`${NAME}.second.wire`, {
      sent: formatBytes(second.wireSent),
      received: formatBytes(second.wireReceived),
      ratioWithHeaders: wireRatio.toFixed(4),
      note: "request+response bytes incl. HTTP headers, both directions, vs the first cycle (informational)",
    });
    printSourceReports(`${NAME}.second`, second.reports);
  },
};
