import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import type { SourceCycleReport } from "@/lib/server/poller/create-source-job";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { buildPublicStatus } from "@/lib/server/services/build-public-status";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import type { NotifyOptions } from "@/lib/server/outputs/set-up-notifications";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import type { RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { EMPTY_STATUS_FILTER, type StatusFilter } from "@/lib/shared/status-filter";

export interface PublicStack {
  simulator: PublicStatusSimulator;
  runtime: HealthdeckRuntime;
  dataDir: string;
  reports: SourceCycleReport[];
  pollAll(): Promise<void>;
  status(filter?: StatusFilter): ReturnType<typeof buildPublicStatus>;
  /** A second runtime on the same data directory, as after a process restart. */
  restart(): Promise<HealthdeckRuntime>;
  close(): Promise<void>;
}

/** The real simulator over HTTP and the real runtime on a temporary SQLite directory. Nothing mocked. */
export async function startPublicStack(options: {
  scenario: Scenario;
  /** the simulator's service catalog; default its built-in one */
  catalog?: RawCatalogEntry[];
  env?: Record<string, string>;
  latencyMs?: number;
  /** the runtime's clock (epoch ms); default Date.now */
  now?: () => number;
  /** a PostgreSQL database instead of the temp SQLite directory (the runtime then takes part in the leader election) */
  databaseUrl?: string;
  leaderRetryMs?: number;
  /** the notifications dispatcher's environment and timings */
  notify?: NotifyOptions;
}): Promise<PublicStack> {
  const simulator = await createPublicStatusSimulator({ scenario: options.scenario, catalog: options.catalog, latencyMs: options.latencyMs });
  const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-it-"));
  const reports: SourceCycleReport[] = [];
  const config = parseConfig({
    HEALTHDECK_DATA_DIR: dataDir,
    HEALTHDECK_PUBLIC_EVENTS_URL: simulator.currentEventsUrl,
    HEALTHDECK_PUBLIC_RSS_BASE_URL: simulator.rssBaseUrl,
    HEALTHDECK_CATALOG_URL: simulator.catalogUrl,
    HEALTHDECK_HTTP_TIMEOUT_SECONDS: "1",
    HEALTHDECK_HTTP_RETRIES: "1",
    HEALTHDECK_HTTP_MAX_BYTES: String(4 * 1024 * 1024),
    HEALTHDECK_ACCOUNT_HEALTH: "off",
    ...options.env,
  });
  const makeRuntime = () =>
    createHealthdeckRuntime({
      config,
      store: openHealthdeckStore({ dataDir, databaseUrl: options.databaseUrl, leaderRetryMs: options.leaderRetryMs ?? 1000 }),
      logger: silentLogger,
      now: options.now,
      onCycle: (report) => reports.push(report),
      notify: options.notify,
    });
  let runtime = makeRuntime();
  await runtime.ready;
  const stack: PublicStack = {
    simulator,
    get runtime() {
      return runtime;
    },
    dataDir,
    reports,
    async pollAll() {
      await runtime.poller.runNow("public-catalog");
      await runtime.poller.runNow("public-currentevents");
      await runtime.poller.runNow("public-rss");
    },
    status(filter = EMPTY_STATUS_FILTER) {
      return buildPublicStatus(runtime, filter, runtime.now());
    },
    async restart() {
      await runtime.close();
      runtime = makeRuntime();
      await runtime.ready;
      return runtime;
    },
    async close() {
      await runtime.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
