import { streamChangeSchema } from "@/lib/shared/stream-contract";
import type { PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import type { Benchmark } from "@/bench/support/benchmark";
import { openFanOutClient, type FanOutClient } from "@/bench/support/fan-out-client";
import { formatBytes, formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { sampleGroupRss } from "@/bench/support/read-group-rss";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { compareUpstream, countUpstream, describeUpstream, sleep, stepAndWatchFetch, waitUntil } from "@/bench/support/watch-simulator";

const NAME = "fan-out";
const CLIENTS = 500;
const CONNECT_BATCH = 50;
const PUBLIC_POLL_SECONDS = 5;
const RSS_POLL_SECONDS = 10;
const WINDOW_MS = 45_000;
const DELIVERY_TIMEOUT_MS = 15_000;
const LATENCY_GOAL_MS = 1000;

async function connectClients(url: string, count: number): Promise<FanOutClient[]> {
  const clients: FanOutClient[] = [];
  for (let i = 0; i < count; i += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, () => openFanOutClient(url));
    clients.push(...batch);
    await waitUntil(() => batch.every((client) => client.snapshotAt !== null || client.closed), 60_000, "snapshots of a batch of clients");
  }
  const failed = clients.filter((client) => client.snapshotAt === null);
  if (failed.length > 0) throw new Error(`${failed.length} clients got no snapshot (first error: ${failed[0]?.error ?? `HTTP ${failed[0]?.status}`})`);
  return clients;
}

interface Delivery {
  latencies: number[];
  missed: number;
  serverLagMs: number;
  fetchPath: string;
  stepLabel: string;
  spreadMs: number;
}

/** One simulator step, then the arrival at every client of the change it causes, from the poller's fetch. */
async function measureDelivery(simulator: PublicStatusSimulator, clients: FanOutClient[]): Promise<Delivery> {
  const changesBefore = clients.map((client) => client.changes.length);
  const fetch = await stepAndWatchFetch(simulator, (PUBLIC_POLL_SECONDS + 5) * 1000);
  const arrivalOf = (client: FanOutClient, index: number) =>
    // The change the step causes is the first to touch services (polls alone only move the sources' times).
    client.changes.slice(changesBefore[index] ?? 0).find((change) => change.hasServices);
  try {
    await waitUntil(() => clients.every((client, index) => arrivalOf(client, index) !== undefined), DELIVERY_TIMEOUT_MS, "delivery to every client");
  } catch {
    // counted as missed below
  }
  const received = clients.map(arrivalOf).filter((arrival) => arrival !== undefined);
  const latencies = received.map((arrival) => arrival.at - fetch.fetchedAt);
  const first = received[0];
  const generatedAt = first ? Date.parse(streamChangeSchema.parse(JSON.parse(first.data)).generatedAt) : Number.NaN;
  return {
    latencies,
    missed: clients.length - received.length,
    serverLagMs: generatedAt - fetch.fetchedAt,
    fetchPath: fetch.path,
    stepLabel: fetch.label,
    spreadMs: latencies.length > 0 ? Math.max(...latencies) - Math.min(...latencies) : Number.NaN,
  };
}

export const fanOutBenchmark: Benchmark = {
  name: NAME,
  summary: `${CLIENTS} stream clients of next start: delivery of one upstream change (goal p99 ≤ ${LATENCY_GOAL_MS} ms), memory per client, upstream requests vs 1 client`,
  timeLimitMs: 8 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, {
      label: NAME,
      simulator,
      env: { HEALTHDECK_PUBLIC_POLL_SECONDS: String(PUBLIC_POLL_SECONDS), HEALTHDECK_RSS_POLL_SECONDS: String(RSS_POLL_SECONDS) },
    });
    const streamUrl = `${app.url}/api/v1/stream`;
    printNote(
      NAME,
      `setup: production server (next start) ${app.url}, polls every ${PUBLIC_POLL_SECONDS} s (current events) and ${RSS_POLL_SECONDS} s (RSS), ${description}; ` +
        `clients in this process, each on its own socket, all on the unscoped stream (every client gets every change; snapshot of the whole catalogue); ` +
        `latency is measured from the moment the simulator served the first upstream document after the step (the poller's parse and write are included)`,
    );
    const clients: FanOutClient[] = [];
    cleanup.add("stream clients", () => clients.forEach((client) => client.close()));

    clients.push(...(await connectClients(streamUrl, 1)));
    const single = await measureDelivery(simulator, clients);
    printFigure(`${NAME}.1-client`, { latency: formatMs(single.latencies[0] ?? Number.NaN), missed: single.missed, firstFetch: single.fetchPath, step: JSON.stringify(single.stepLabel) });

    // The same upstream state in both windows (no step in either), so only the number of clients differs.
    const one = await countUpstream(simulator, WINDOW_MS);
    const baselineRss = await sampleGroupRss(app.process.pid);
    let connectMs = 0;
    const many = await countUpstream(simulator, WINDOW_MS, async () => {
      const started = performance.now();
      clients.push(...(await connectClients(streamUrl, CLIENTS - 1)));
      connectMs = performance.now() - started;
      await sleep(1000);
    });
    const loadedRss = await sampleGroupRss(app.process.pid);
    printFigure(`${NAME}.connect`, { clients: clients.length, allSnapshotsIn: formatMs(connectMs), snapshotSize: formatBytes(clients[1]?.snapshotBytes ?? 0) });

    const delivery = await measureDelivery(simulator, clients);
    const p99 = percentile(delivery.latencies, 99);
    printFigure(
      `${NAME}.delivery`,
      {
        clients: clients.length,
        received: delivery.latencies.length,
        missed: delivery.missed,
        p50: formatMs(percentile(delivery.latencies, 50)),
        p99: formatMs(p99),
        max: formatMs(Math.max(...delivery.latencies)),
        firstToLast: formatMs(delivery.spreadMs),
        serverRebuiltAfter: formatMs(delivery.serverLagMs),
        firstFetch: delivery.fetchPath,
        step: JSON.stringify(delivery.stepLabel),
      },
      { text: `p99 ≤ ${LATENCY_GOAL_MS} ms`, met: delivery.missed === 0 && p99 <= LATENCY_GOAL_MS },
    );
    printFigure(`${NAME}.memory`, {
      rssWith1: formatBytes(baselineRss),
      rssWith500: formatBytes(loadedRss),
      perClient: formatBytes((loadedRss - baselineRss) / (clients.length - 1)),
      rssAfterChange: formatBytes(await sampleGroupRss(app.process.pid)),
    });
    const verdict = compareUpstream(one, many);
    printFigure(
      `${NAME}.upstream`,
      {
        windowSeconds: WINDOW_MS / 1000,
        with1: `${one.total} (${describeUpstream(one.byPath)})`,
        with500: `${many.total} (${describeUpstream(many.byPath)}, clients connecting in it)`,
        verdict: JSON.stringify(verdict),
      },
      { text: "upstream requests with 500 clients equal those with 1", met: verdict !== "DIFFERENT" },
    );
    const dropped = clients.filter((client) => client.closed).length;
    if (dropped > 0) printNote(NAME, `${dropped} clients were disconnected during the run`);
  },
};
