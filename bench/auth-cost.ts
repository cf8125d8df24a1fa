import type { Benchmark } from "@/bench/support/benchmark";
import { openFanOutClient, type FanOutClient } from "@/bench/support/fan-out-client";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { runAutocannon } from "@/bench/support/run-autocannon";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp, type ProductionApp } from "@/bench/support/start-production-app";
import { sleep, waitUntil } from "@/bench/support/watch-simulator";
import { createCookieSealer } from "@/lib/server/auth/seal-cookie";

const NAME = "auth-cost";
const CONNECTIONS = 10;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
const CLIENTS = 200;
const CONNECT_BATCH = 50;
const OVERHEAD_GOAL = 0.05;
const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";

/** A signed-in admin's cookie, sealed as the app's own sign-in does: the app opens and checks it on every request. */
async function sealAdminCookie(): Promise<string> {
  const now = Date.now();
  const sealed = await createCookieSealer([SESSION_SECRET]).seal("session", { sub: "bench", name: "bench", groups: ["bench-admins"], signedInAt: now, seenAt: now }, Math.floor(now / 1000) + 3600);
  return `healthdeck-session=${sealed}`;
}

interface Mode {
  label: "none" | "oidc";
  app: ProductionApp;
  headers: Record<string, string>;
}

async function measureStatus(mode: Mode): Promise<number> {
  const url = `${mode.app.url}/api/v1/status`;
  const headers = { ...mode.headers, "accept-encoding": "gzip, deflate, br" };
  await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS, headers });
  const result = await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, headers });
  if (result.ok === 0) throw new Error(`${mode.label}: no answer of 200 (${result.errors} errors)`);
  // Errors (timeouts on an overloaded machine) are shown beside the figures rather than failing the run.
  printFigure(`${NAME}.status.${mode.label}`, { "req/s": Math.round(result.requestsPerSecond), p50: formatMs(result.p50Ms), p99: formatMs(result.p99Ms), ok: result.ok, errors: result.errors });
  return result.p99Ms;
}

async function connect(mode: Mode): Promise<{ clients: FanOutClient[]; snapshotP99: number }> {
  const clients: FanOutClient[] = [];
  const started: number[] = [];
  for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - i) }, () => {
      started.push(Date.now());
      return openFanOutClient(`${mode.app.url}/api/v1/stream`, undefined, mode.headers);
    });
    clients.push(...batch);
    await waitUntil(() => batch.every((client) => client.snapshotAt !== null || client.closed), 60_000, `${mode.label}: snapshots of a batch`);
  }
  const failed = clients.filter((client) => client.snapshotAt === null);
  if (failed.length > 0) throw new Error(`${mode.label}: ${failed.length} clients got no snapshot (HTTP ${failed[0]?.status})`);
  const waits = clients.map((client, index) => (client.snapshotAt ?? 0) - (started[index] ?? 0));
  return { clients, snapshotP99: percentile(waits, 99) };
}

const overhead = (none: number, oidc: number) => (oidc - none) / Math.max(none, 0.001);
const describeOverhead = (ratio: number) => `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)} %`;

export const authCostBenchmark: Benchmark = {
  name: NAME,
  summary: `cost of HEALTHDECK_AUTH=oidc (a sealed session cookie on every request) against none, in one run: /api/v1/status p99 and ${CLIENTS} streams`,
  timeLimitMs: 6 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const cookie = await sealAdminCookie();
    const none: Mode = { label: "none", headers: {}, app: await startProductionApp(cleanup, { label: `${NAME}-none`, simulator, env: { HEALTHDECK_PUBLIC_POLL_SECONDS: "5" } }) };
    const oidcEnv = {
      HEALTHDECK_PUBLIC_POLL_SECONDS: "5",
      HEALTHDECK_AUTH: "oidc",
      HEALTHDECK_OIDC_ISSUER: "https://login.example.invalid",
      HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
      HEALTHDECK_SESSION_SECRET: SESSION_SECRET,
      HEALTHDECK_PUBLIC_URL: "http://127.0.0.1",
      HEALTHDECK_ADMIN_GROUPS: "bench-admins",
    };
    const oidc: Mode = { label: "oidc", headers: { cookie }, app: await startProductionApp(cleanup, { label: `${NAME}-oidc`, simulator, env: oidcEnv, headers: { cookie } }) };
    printNote(NAME, `setup: two next start apps on one simulator (${description}); oidc requests carry an admin's sealed session cookie`);

    // Alternating, so the machine's drift falls on both modes alike.
    const statusNone = await measureStatus(none);
    const statusOidc = await measureStatus(oidc);
    const statusRatio = overhead(statusNone, statusOidc);
    printFigure(`${NAME}.status.overhead`, { p99: describeOverhead(statusRatio) }, { text: `≤ ${OVERHEAD_GOAL * 100} % slower`, met: statusRatio <= OVERHEAD_GOAL });

    const streamsNone = await connect(none);
    const streamsOidc = await connect(oidc);
    cleanup.add("stream clients", () => {
      for (const client of [...streamsNone.clients, ...streamsOidc.clients]) client.close();
    });
    printFigure(`${NAME}.stream-connect.none`, { clients: CLIENTS, "snapshot p99": formatMs(streamsNone.snapshotP99) });
    printFigure(`${NAME}.stream-connect.oidc`, { clients: CLIENTS, "snapshot p99": formatMs(streamsOidc.snapshotP99) });

    // One change reaches both apps (each polls the simulator); the spread is how long the fan-out to 200 takes.
    const before = new Map([...streamsNone.clients, ...streamsOidc.clients].map((client) => [client, client.changes.length]));
    simulator.step();
    const arrival = (client: FanOutClient) => client.changes.slice(before.get(client) ?? 0).find((change) => change.hasServices)?.at;
    await waitUntil(() => [...before.keys()].every((client) => arrival(client) !== undefined), 30_000, "the change at every stream").catch(() => sleep(0));
    for (const [label, streams] of [["none", streamsNone], ["oidc", streamsOidc]] as const) {
      const times = streams.clients.map(arrival).filter((at): at is number => at !== undefined);
      const first = Math.min(...times);
      printFigure(`${NAME}.fan-out.${label}`, { delivered: `${times.length}/${CLIENTS}`, "spread p99": formatMs(percentile(times.map((at) => at - first), 99)) });
    }
    const spread = (streams: { clients: FanOutClient[] }) => {
      const times = streams.clients.map(arrival).filter((at): at is number => at !== undefined);
      return percentile(times.map((at) => at - Math.min(...times)), 99);
    };
    const fanOutRatio = overhead(spread(streamsNone), spread(streamsOidc));
    printFigure(`${NAME}.fan-out.overhead`, { "spread p99": describeOverhead(fanOutRatio) }, { text: `≤ ${OVERHEAD_GOAL * 100} % slower`, met: fanOutRatio <= OVERHEAD_GOAL });
  },
};
