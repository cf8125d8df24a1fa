import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Real processes for multi-replica tests and benchmarks: the simulator as its own process, and `next start`
 * replicas of the production build on one PostgreSQL. Each child leads its own process group, so a SIGKILL
 * reaches next-server too (as `kill -9` of a replica's service would).
 */

// Tests and benchmarks run from the repository root.
const ROOT = process.cwd();

export interface ManagedProcess {
  readonly pid: number;
  readonly isRunning: boolean;
  /** SIGTERM to the group, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the group: no shutdown code runs. */
  kill(): Promise<void>;
}

function startProcess(command: string, args: string[], env: Record<string, string>, logPrefix: string | null): ManagedProcess {
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: logPrefix === null ? "ignore" : ["ignore", "inherit", "inherit"],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  return {
    pid,
    get isRunning() {
      return isRunning();
    },
    async stop(graceMs = 10_000) {
      if (!isRunning()) return;
      signal("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
      if (isRunning()) {
        signal("SIGKILL");
        await exited;
      }
    },
    async kill() {
      if (!isRunning()) return;
      signal("SIGKILL");
      await exited;
    },
  };
}

async function waitFor(url: string, process: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!process.isRunning) throw new Error(`the process for ${url} exited`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface SimulatorProcess extends ManagedProcess {
  readonly url: string;
  step(): Promise<void>;
  resetStats(): Promise<void>;
  /** Requests per path since the last reset. */
  requests(): Promise<Record<string, number>>;
}

export async function startSimulatorProcess(options: { port: number; scenario: string }): Promise<SimulatorProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = startProcess("node", ["--import", "tsx", "scripts/run-simulator.ts", "--port", String(options.port), "--scenario", options.scenario, "--health-port", String(options.port + 1)], {}, null);
  await waitFor(`${url}/__sim/state`, child, 30_000);
  const post = async (route: string) => {
    const response = await fetch(`${url}/__sim/${route}`, { method: "POST" });
    if (!response.ok) throw new Error(`simulator ${route}: HTTP ${response.status}`);
  };
  return Object.assign(child, {
    url,
    step: () => post("step"),
    resetStats: () => post("stats/reset"),
    async requests() {
      const state = (await (await fetch(`${url}/__sim/state`)).json()) as { stats: { byPath: Record<string, number> } };
      return state.stats.byPath;
    },
  });
}

export interface ReplicaHealth {
  status: string;
  role: "single" | "leader" | "follower";
  engine: "sqlite" | "postgres";
  poller: { running: boolean };
  sources: { id: string; state: string; lastSuccessAt: string | null }[];
}

export interface ReplicaProcess extends ManagedProcess {
  readonly origin: string;
  health(): Promise<ReplicaHealth>;
}

/** The environment of a replica polling the simulator at `simulatorUrl` (public sources only) on PostgreSQL. */
export function replicaEnvironment(simulatorUrl: string, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    HEALTHDECK_SIMULATED: "true",
    // Every client of a test or benchmark comes from 127.0.0.1: the per-client limits are not what is measured here.
    HEALTHDECK_RATE_LIMIT_PER_MINUTE: "0",
    HEALTHDECK_STREAMS_PER_CLIENT: "10000",
    HEALTHDECK_DATABASE_URL: databaseUrl,
    HEALTHDECK_DATA_DIR: "reports/unused-sqlite",
    HEALTHDECK_PUBLIC_EVENTS_URL: `${simulatorUrl}/public/currentevents`,
    HEALTHDECK_PUBLIC_RSS_BASE_URL: `${simulatorUrl}/rss/`,
    HEALTHDECK_CATALOG_URL: `${simulatorUrl}/services.json`,
    HEALTHDECK_PUBLIC_POLL_SECONDS: "1",
    HEALTHDECK_RSS_POLL_SECONDS: "2",
    HEALTHDECK_HTTP_TIMEOUT_SECONDS: "2",
    HEALTHDECK_HTTP_RETRIES: "0",
    HEALTHDECK_ACCOUNT_HEALTH: "off",
    HEALTHDECK_LEADER_RETRY_SECONDS: "1",
    HEALTHDECK_INGEST_TOKEN: "e2e-ingest-token-0123456789",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...extra,
  };
}

export async function startReplica(options: { port: number; env: Record<string, string>; log?: boolean }): Promise<ReplicaProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = startProcess("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(options.port)], options.env, options.log ? `[${options.port}]` : null);
  await waitFor(`${origin}/api/v1/health`, child, 90_000);
  return Object.assign(child, {
    origin,
    async health() {
      const response = await fetch(`${origin}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
      return (await response.json()) as ReplicaHealth;
    },
  });
}

/** Polls `check` every 100 ms until it returns a value other than null, or throws after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== null) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(path.resolve(ROOT, dir), { recursive: true, force: true });
}
