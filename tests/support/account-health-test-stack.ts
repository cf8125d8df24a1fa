import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createHealthdeckRuntime, type HealthdeckRuntime, type RuntimeDeps } from "@/lib/server/runtime/create-healthdeck-runtime";
import { ACCOUNT_HEALTH_SOURCE_ID } from "@/lib/server/sources/account-health/account-health-settings";
import type { AccountHealthReport } from "@/lib/server/sources/account-health/record-account-health-cycle";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { createRunnerFor } from "@/lib/simulator/health-api/create-runner-for";
import { createHealthApiPair, type HealthApiPair, type HealthApiPairOptions, type HealthRegion } from "@/lib/simulator/health-api/create-health-api-pair";
import { SIMULATOR_SECRET_ACCESS_KEY } from "@/lib/simulator/health-api/simulator-app-env";
import type { Scenario } from "@/lib/simulator/scenario-schema";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** Test scaffolding: the fake Health API pair and the public fake on one scenario, and the real runtime on a temp dir. */
export interface AccountHealthStack {
  pair: HealthApiPair;
  publicSite: PublicStatusSimulator;
  runtime: HealthdeckRuntime;
  reports: AccountHealthReport[];
  clock: { now: number | null };
  /** Runs the account-health job once and returns its report (null when it skipped the run). */
  poll(): Promise<AccountHealthReport | null>;
  /** Attempts per Health API operation as both fake endpoints saw them since the last reset. */
  calls(): Record<string, number>;
  /** STS calls by action (the fake's us-east-1 listener answers STS) since the last reset. */
  stsCalls(): Record<string, number>;
  resetCalls(): void;
  restart(): Promise<HealthdeckRuntime>;
  close(): Promise<void>;
}

export interface AccountHealthStackOptions {
  scenario: Scenario;
  /** the account the fake maps the stack's access key to (and STS GetCallerIdentity answers) */
  accountId: string;
  env?: Record<string, string>;
  pair?: Omit<HealthApiPairOptions, "scenario" | "runner" | "accessKeys">;
  accountHealth?: RuntimeDeps["accountHealth"];
  /** more access key ids the fake maps to accounts (for assumed-role targets) */
  accessKeys?: Record<string, string>;
  /** point AWS_ENDPOINT_URL_HEALTH at this listener of the pair */
  endpointOverride?: HealthRegion;
  /** a PostgreSQL database instead of a temp SQLite directory */
  databaseUrl?: string;
  /** the notifications dispatcher's environment and timings */
  notify?: RuntimeDeps["notify"];
}

const ACCESS_KEY_ID = "AKIDHEALTHDECKTEST";

export async function startAccountHealthStack(options: AccountHealthStackOptions): Promise<AccountHealthStack> {
  const clock: { now: number | null } = { now: null };
  const now = () => clock.now ?? Date.now();
  const runner = createRunnerFor({ scenario: options.scenario }, now);
  const publicSite = await createPublicStatusSimulator({ scenario: options.scenario, runner, now });
  const pair = await createHealthApiPair({ ...options.pair, runner, now, accessKeys: { ...options.accessKeys, [ACCESS_KEY_ID]: options.accountId } });
  const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-account-it-"));
  const reports: AccountHealthReport[] = [];
  const config = parseConfig({
    HEALTHDECK_DATA_DIR: dataDir,
    HEALTHDECK_PUBLIC_EVENTS_URL: publicSite.currentEventsUrl,
    HEALTHDECK_PUBLIC_RSS_BASE_URL: publicSite.rssBaseUrl,
    HEALTHDECK_CATALOG_URL: publicSite.catalogUrl,
    HEALTHDECK_HTTP_TIMEOUT_SECONDS: "2",
    HEALTHDECK_ACCOUNT_HEALTH: "on",
    HEALTHDECK_ORG_VIEW: "off",
    ...options.env,
  });
  const makeRuntime = () =>
    createHealthdeckRuntime({
      config,
      store: openHealthdeckStore({ dataDir, databaseUrl: options.databaseUrl, leaderRetryMs: 1000 }),
      logger: silentLogger,
      now,
      onAccountCycle: (report) => reports.push(report),
      notify: options.notify,
      accountHealth: {
        resolveCname: pair.resolveCname,
        endpointForRegion: (region) => pair.endpointForRegion(region) ?? null,
        credentials: { baseCredentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY } },
        // The fake answers STS too: the account id comes from a real GetCallerIdentity, roles from AssumeRole.
        env: {
          AWS_ENDPOINT_URL_STS: pair.endpoints["us-east-1"],
          AWS_ENDPOINT_URL_ORGANIZATIONS: pair.endpoints["us-east-1"],
          ...(options.endpointOverride ? { AWS_ENDPOINT_URL_HEALTH: pair.endpoints[options.endpointOverride] } : {}),
        },
        regionRecheckMs: 0,
        ...options.accountHealth,
      },
    });
  let runtime = makeRuntime();
  await runtime.ready;
  const sumStats = () => {
    const total: Record<string, number> = {};
    for (const stats of Object.values(pair.stats())) {
      for (const [operation, count] of Object.entries(stats.byOperation)) total[operation] = (total[operation] ?? 0) + count;
    }
    return total;
  };
  return {
    pair,
    publicSite,
    get runtime() {
      return runtime;
    },
    reports,
    clock,
    async poll() {
      const before = reports.length;
      await runtime.poller.runNow(ACCOUNT_HEALTH_SOURCE_ID);
      return reports.length > before ? (reports.at(-1) ?? null) : null;
    },
    calls: sumStats,
    stsCalls: () => pair.listeners["us-east-1"].stsCalls(),
    resetCalls: () => pair.resetStats(),
    async restart() {
      await runtime.close();
      runtime = makeRuntime();
      await runtime.ready;
      return runtime;
    },
    async close() {
      await runtime.close();
      await Promise.all([pair.close(), publicSite.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
