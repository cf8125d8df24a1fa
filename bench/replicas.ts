import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { openFanOutClient, type FanOutClient } from "@/bench/support/fan-out-client";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp, type ProductionApp } from "@/bench/support/start-production-app";
import { compareUpstream, countUpstream, describeUpstream, sleep, stepAndWatchFetch, waitUntil } from "@/bench/support/watch-simulator";
import type { PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { startPostgres } from "@/tests/support/start-postgres";

const NAME = "replicas";
const PUBLIC_POLL_SECONDS = 5;
const RSS_POLL_SECONDS = 10;
const WINDOW_MS = 30_000;
const CLIENTS = 300;
const DELIVERY_GOAL_MS = 1000;

const healthSchema = z.object({
  role: z.enum(["single", "leader", "follower"]),
  sources: z.array(z.object({ id: z.string(), lastSuccessAt: z.string().nullable() })),
});

async function readHealth(app: ProductionApp) {
  const response = await fetch(`${app.url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
  return healthSchema.parse(await response.json());
}

async function findLeader(apps: readonly ProductionApp[]): Promise<ProductionApp | null> {
  const roles = await Promise.all(apps.map(async (app) => ({ app, role: (await readHealth(app).catch(() => null))?.role })));
  const leaders = roles.filter((entry) => entry.role === "leader");
  return leaders.length === 1 ? (leaders[0]?.app ?? null) : null;
}

async function startReplicas(cleanup: CleanupStack, simulator: PublicStatusSimulator, databaseUrl: string, count: number, label: string): Promise<ProductionApp[]> {
  const env = {
    HEALTHDECK_DATABASE_URL: databaseUrl,
    HEALTHDECK_PUBLIC_POLL_SECONDS: String(PUBLIC_POLL_SECONDS),
    HEALTHDECK_RSS_POLL_SECONDS: String(RSS_POLL_SECONDS),
    HEALTHDECK_ACCOUNT_HEALTH: "off",
  };
  return Promise.all(Array.from({ length: count }, (_, index) => startProductionApp(cleanup, { label: `${label}-${index + 1}`, simulator, env })));
}

async function connectClients(urls: readonly string[], count: number): Promise<FanOutClient[]> {
  const clients: FanOutClient[] = [];
  for (let i = 0; i < count; i += 1) clients.push(openFanOutClient(urls[i % urls.length] ?? ""));
  await waitUntil(() => clients.every((client) => client.snapshotAt !== null || client.closed), 120_000, "snapshots of every client");
  const failed = clients.filter((client) => client.snapshotAt === null);
  if (failed.length > 0) throw new Error(`${failed.length} clients got no snapshot (first: ${failed[0]?.error ?? `HTTP ${failed[0]?.status}`})`);
  return clients;
}

export const replicasBenchmark: Benchmark = {
  name: NAME,
  summary: `3 next start replicas on one private PostgreSQL: failover after kill -9 of the leader (goal ≤ 2 × poll interval), upstream requests with 3 replicas vs 1 (goal equal), one change to ${CLIENTS} stream clients spread over the replicas (goal p99 ≤ ${DELIVERY_GOAL_MS} ms)`,
  timeLimitMs: 10 * 60_000,
  async run(cleanup) {
    const postgres = await startPostgres();
    cleanup.add("postgres", () => postgres.stop());
    const { simulator, description } = await startDemoSimulator(cleanup);
    printNote(NAME, `setup: PostgreSQL ${postgres.url.replace(/\/\/[^@]*@/, "//")} (private cluster), polls every ${PUBLIC_POLL_SECONDS} s (current events) and ${RSS_POLL_SECONDS} s (RSS), default leader retry (5 s), ${description}`);

    // Upstream per cycle: one replica alone, then three on another database, in windows of the same phase.
    const single = await startReplicas(cleanup, simulator, await postgres.createDatabase("bench_one"), 1, `${NAME}-one`);
    const one = await countUpstream(simulator, WINDOW_MS);
    await Promise.all(single.map((app) => app.process.stop()));
    const apps = await startReplicas(cleanup, simulator, await postgres.createDatabase("bench_three"), 3, `${NAME}-three`);
    const three = await countUpstream(simulator, WINDOW_MS);
    const verdict = compareUpstream(one, three);
    printFigure(
      `${NAME}.upstream`,
      { windowSeconds: WINDOW_MS / 1000, with1: `${one.total} (${describeUpstream(one.byPath)})`, with3: `${three.total} (${describeUpstream(three.byPath)})`, verdict: JSON.stringify(verdict) },
      { text: "requests per cycle with 3 replicas equal those with 1", met: verdict !== "DIFFERENT" },
    );

    // Fan-out: every client on the unscoped stream, a third on each replica; the change comes from the leader's poll.
    const clients = await connectClients(apps.map((app) => `${app.url}/api/v1/stream`), CLIENTS);
    cleanup.add("stream clients", () => clients.forEach((client) => client.close()));
    const changesBefore = clients.map((client) => client.changes.length);
    const fetch = await stepAndWatchFetch(simulator, (PUBLIC_POLL_SECONDS + 5) * 1000);
    const arrivalOf = (client: FanOutClient, index: number) => client.changes.slice(changesBefore[index] ?? 0).find((change) => change.hasServices);
    await waitUntil(() => clients.every((client, index) => arrivalOf(client, index) !== undefined), 15_000, "delivery to every client").catch(() => undefined);
    const latencies = clients.map((client, index) => arrivalOf(client, index)).filter((arrival) => arrival !== undefined).map((arrival) => arrival.at - fetch.fetchedAt);
    const byReplica = apps.map((_, replica) => {
      const own = clients.map((client, index) => ({ client, index })).filter(({ index }) => index % apps.length === replica);
      const values = own.map(({ client, index }) => arrivalOf(client, index)).filter((arrival) => arrival !== undefined).map((arrival) => arrival.at - fetch.fetchedAt);
      return formatMs(percentile(values, 99));
    });
    const p99 = percentile(latencies, 99);
    printFigure(
      `${NAME}.fan-out`,
      { clients: clients.length, received: latencies.length, p50: formatMs(percentile(latencies, 50)), p99: formatMs(p99), max: formatMs(Math.max(...latencies)), p99ByReplica: byReplica.join("/"), step: JSON.stringify(fetch.label) },
      { text: `p99 ≤ ${DELIVERY_GOAL_MS} ms on every replica`, met: latencies.length === clients.length && p99 <= DELIVERY_GOAL_MS },
    );
    clients.forEach((client) => client.close());

    // Failover: kill -9 of the leader's whole process group; time until another replica's poll succeeds.
    const leader = await findLeader(apps);
    if (leader === null) throw new Error("no single leader among the replicas");
    const survivors = apps.filter((app) => app !== leader);
    await sleep(Math.random() * PUBLIC_POLL_SECONDS * 1000);
    const killedAt = Date.now();
    await leader.process.stop({ signal: "SIGKILL", graceMs: 0 });
    let successor: ProductionApp | null = null;
    let leaderAt = 0;
    let polledAt = 0;
    const deadline = killedAt + 60_000;
    while (Date.now() < deadline && polledAt === 0) {
      const found = await findLeader(survivors);
      if (found && leaderAt === 0) {
        successor = found;
        leaderAt = Date.now();
      }
      if (successor) {
        const health = await readHealth(successor);
        const success = health.sources.find((source) => source.id === "public-currentevents")?.lastSuccessAt;
        if (success && Date.parse(success) > killedAt) polledAt = Date.parse(success);
      }
      await sleep(50);
    }
    if (polledAt === 0) throw new Error("no replica polled within 60 s of the kill");
    const goalMs = 2 * PUBLIC_POLL_SECONDS * 1000;
    printFigure(
      `${NAME}.failover`,
      { killToLeader: formatMs(leaderAt - killedAt), killToNextPoll: formatMs(polledAt - killedAt), pollInterval: `${PUBLIC_POLL_SECONDS}s`, leaderRetry: "5s" },
      { text: `next successful poll ≤ 2 × poll interval (${goalMs / 1000} s)`, met: polledAt - killedAt <= goalMs },
    );
  },
};
