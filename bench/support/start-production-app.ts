import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { sourceHealthSchema, type SourceHealth } from "@/lib/shared/public-status-contract";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { NEXT_BIN, REPORTS_DIR, REPO_ROOT, ensureProductionBuild } from "@/bench/support/ensure-build";
import { APP_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";
import { spawnTracked, type TrackedProcess } from "@/bench/support/spawn-tracked";
import { withTimeout } from "@/bench/support/with-timeout";

export interface ProductionApp {
  url: string;
  logPath: string;
  process: TrackedProcess;
}

/** Where the app's public sources point: an in-process simulator or one in its own process. */
export interface UpstreamUrls {
  currentEventsUrl: string;
  rssBaseUrl: string;
  catalogUrl: string;
}

const healthSchema = z.object({ sources: z.array(sourceHealthSchema) });
const READY_TIMEOUT_MS = 90_000;

/** The parent's environment without Healthdeck settings, so a shell's HEALTHDECK_* never leaks into a benchmark. */
function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("HEALTHDECK_") && key !== "PORT") env[key] = value;
  }
  return env;
}

async function readSources(url: string, headers: Record<string, string> = {}): Promise<SourceHealth[] | null> {
  const read = async () => {
    const response = await fetch(`${url}/api/v1/health`, { headers, signal: AbortSignal.timeout(2000) });
    const parsed = healthSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.sources : null;
  };
  try {
    return await withTimeout(read(), 3000, "GET /api/v1/health");
  } catch {
    return null;
  }
}

const describeSources = (sources: SourceHealth[] | null) =>
  sources === null ? "no answer from /api/v1/health" : sources.map((source) => `${source.id}=${source.state}${source.error ? ` (${source.error})` : ""}`).join(", ");

/**
 * `next start` on 127.0.0.1 (port 3200-3299) against the simulator, with a fresh data directory; ready once every
 * source has succeeded once. The log goes to reports/bench-app-<label>.log.
 */
export async function startProductionApp(
  cleanup: CleanupStack,
  /** headers: an admin's credentials when the app signs people in (health details need an admin) */
  options: { label: string; simulator: UpstreamUrls; env?: Record<string, string>; headers?: Record<string, string> },
): Promise<ProductionApp> {
  await ensureProductionBuild();
  const port = await findFreePort(APP_PORT_RANGE);
  const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-bench-"));
  cleanup.add("data dir", () => rmSync(dataDir, { recursive: true, force: true }));
  const logPath = path.join(REPORTS_DIR, `bench-app-${options.label}.log`);
  mkdirSync(REPORTS_DIR, { recursive: true });
  writeFileSync(logPath, "");
  const upstream = options.simulator;
  const child = spawnTracked(`next start (${options.label})`, process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: REPO_ROOT,
    logPath,
    env: {
      ...cleanEnv(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      HEALTHDECK_SIMULATED: "true",
      HEALTHDECK_DATA_DIR: dataDir,
      HEALTHDECK_PUBLIC_EVENTS_URL: upstream.currentEventsUrl,
      HEALTHDECK_PUBLIC_RSS_BASE_URL: upstream.rssBaseUrl,
      HEALTHDECK_CATALOG_URL: upstream.catalogUrl,
      // Every simulated viewer comes from 127.0.0.1: the per-client limits would measure themselves, not the app.
      HEALTHDECK_RATE_LIMIT_PER_MINUTE: "0",
      HEALTHDECK_STREAMS_PER_CLIENT: "10000",
      ...options.env,
    },
  });
  cleanup.add("app", () => child.stop());

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let sources: SourceHealth[] | null = null;
  while (Date.now() < deadline) {
    if (!child.isAlive()) throw new Error(`${child.label} exited before it was ready:\n${child.logTail()}`);
    sources = await readSources(url, options.headers);
    // Only the public sources must have polled: the account source may be off or unavailable in a benchmark.
    const publicSources = sources?.filter((source) => source.id.startsWith("public-")) ?? [];
    if (publicSources.length >= 3 && publicSources.every((source) => source.lastSuccessAt !== null)) {
      return { url, logPath, process: child };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${child.label} was not ready within ${READY_TIMEOUT_MS / 1000} s (${describeSources(sources)}):\n${child.logTail()}`);
}
