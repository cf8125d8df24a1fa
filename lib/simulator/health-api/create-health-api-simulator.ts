import { createServer } from "node:http";
import type { AccountWorld } from "@/lib/simulator/account-world";
import type { RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { createRunnerFor } from "@/lib/simulator/health-api/create-runner-for";

export { createRunnerFor };
import { DEFAULT_ERROR_NAMES, type HealthErrorNames } from "@/lib/simulator/health-api/health-api-errors";
import { createHealthStatsRecorder, type HealthApiStats } from "@/lib/simulator/health-api/health-api-stats";
import {
  applySwitchPatch,
  createSeededRandom,
  defaultSwitches,
  type HealthApiSwitches,
  type HealthSwitchesPatch,
} from "@/lib/simulator/health-api/health-api-switches";
import { HEALTH_CONTROL_PREFIX, handleHealthControl } from "@/lib/simulator/health-api/handle-health-control";
import { handleHealthRequest, type HealthCallInfo } from "@/lib/simulator/health-api/handle-health-request";
import { handleStsRequest, isStsRequest } from "@/lib/simulator/health-api/handle-sts-request";
import { createExposedKeySimulator, type ExposedKeySimulator } from "@/lib/simulator/exposed-key/create-exposed-key-simulator";
import { resolveCaller, signingRegionOf } from "@/lib/simulator/health-api/resolve-caller";
import { readSessionRole } from "@/lib/simulator/health-api/sts-session-keys";
import { createQueryCache } from "@/lib/simulator/health-api/health-operation-context";
import type { HealthOperation } from "@/lib/simulator/health-api/health-operations";
import { createOrgViewControl, type OrgEnableDelay, type OrgViewControl, type OrgViewStatus } from "@/lib/simulator/health-api/org-view-control";
import { createPaginator } from "@/lib/simulator/health-api/pagination-token";
import { listenOn, createSleeper } from "@/lib/simulator/health-api/listen-on";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { createOrganizationsSimulation, type OrganizationsSimulation } from "@/lib/simulator/organizations/create-organizations-simulation";
import { isOrganizationsRequest } from "@/lib/simulator/organizations/handle-organizations-request";
import { createSnsSimulation, type SnsSimulation } from "@/lib/simulator/sns/create-sns-simulation";
import { handleSnsControl, SNS_CONTROL_PREFIX } from "@/lib/simulator/sns/handle-sns-control";
import { handleSnsRequest, isSnsRequest } from "@/lib/simulator/sns/handle-sns-request";
import type { ScenarioRunner, StepInfo } from "@/lib/simulator/scenario-runner";

export interface HealthApiSimulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The data: a scenario (own runner) or a runner shared with the public simulator. One is required. */
  scenario?: Scenario;
  runner?: ScenarioRunner;
  /** Catalogue for an own runner's public events; default as the public simulator. */
  catalog?: RawCatalogEntry[];
  /** Serve another view of the world (the failover pair's lagging passive endpoint). */
  accountWorld?: () => AccountWorld;
  /** The region this listener stands for; default us-east-1. */
  region?: string;
  /** 403 InvalidSignatureException when the SigV4 scope names another region (default false). */
  requireSigningRegion?: boolean;
  /** Access key id → account id; unknown keys act as the management account. */
  accessKeys?: Record<string, string>;
  /** Initial organizational view status (default ENABLED) and how PENDING becomes ENABLED (default 2,000 ms). */
  orgView?: OrgViewStatus;
  orgEnableDelay?: OrgEnableDelay;
  /** Share one org state between listeners (the failover pair). */
  orgControl?: OrgViewControl;
  switches?: HealthSwitchesPatch;
  errorNames?: Partial<HealthErrorNames>;
  /** Locales accepted; others get UnsupportedLocale. Default ["en"]. */
  supportedLocales?: string[];
  /** Page size when maxResults is absent; default 10, DescribeEventTypes 30 (the documented one). */
  defaultPageSizes?: Partial<Record<HealthOperation, number>>;
  /** Tokens older than this are InvalidPaginationToken; default never. */
  paginationTokenTtlMs?: number | null;
  /** Larger request bodies get 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** Seed of the fractional switches (throttleRate, failRate). */
  seed?: number;
  /** Epoch ms; stamps steps, token ages and the org enable delay. */
  now?: () => number;
  /** SNS topics the fake SNS knows besides each account's healthdeck-notifications. */
  snsTopics?: string[];
}

export interface HealthApiSimulatorState {
  region: string;
  url: string;
  scenario: string;
  stepIndex: number;
  orgView: OrgViewStatus;
  accounts: AccountWorld["accounts"];
  events: number;
  entities: number;
  switches: HealthApiSwitches;
  stats: HealthApiStats;
}

export interface HealthApiSimulator {
  /** e.g. http://127.0.0.1:4011, for `new HealthClient({ endpoint })` or AWS_ENDPOINT_URL_HEALTH. */
  url: string;
  region: string;
  runner: ScenarioRunner;
  step(): StepInfo;
  reset(): void;
  world(): AccountWorld;
  switches(): HealthApiSwitches;
  setSwitches(patch: HealthSwitchesPatch): void;
  resetSwitches(): void;
  orgView: OrgViewControl;
  stats(): HealthApiStats;
  /** STS calls (GetCallerIdentity, AssumeRole) by action since the last stats reset; not part of stats(). */
  stsCalls(): Record<string, number>;
  resetStats(): void;
  /** The fake SNS on this listener (Publish, query protocol): its topics, fault switches and published messages. */
  sns: SnsSimulation;
  /** Runs before each call is answered (after counting); returns the unsubscribe function. */
  onCall(listener: (info: HealthCallInfo) => void): () => void;
  state(): HealthApiSimulatorState;
  /** CloudTrail, IAM and EC2 of the exposed-key response, on this server under /cloudtrail, /iam, /ec2 */
  exposedKey: ExposedKeySimulator;
  /** AWS Organizations (awsJson1_1, AWSOrganizationsV20161128.*): the OU tree over the world's accounts */
  organizations: OrganizationsSimulation;
  close(): Promise<void>;
}

export async function createHealthApiSimulator(options: HealthApiSimulatorOptions): Promise<HealthApiSimulator> {
  const now = options.now ?? Date.now;
  const runner = options.runner ?? createRunnerFor(options, now);
  const world = options.accountWorld ?? (() => runner.world().account);
  const region = options.region ?? "us-east-1";
  const org = options.orgControl ?? createOrgViewControl({ initial: options.orgView, enableDelay: options.orgEnableDelay, now });
  const names = { ...DEFAULT_ERROR_NAMES, ...options.errorNames };
  const stats = createHealthStatsRecorder();
  const random = createSeededRandom(options.seed ?? 20_160_804);
  const paginator = createPaginator({ now, ttlMs: options.paginationTokenTtlMs ?? null });
  const cache = createQueryCache();
  const pageSizes: Partial<Record<string, number>> = { DescribeEventTypes: 30, ...options.defaultPageSizes };
  const supportedLocales = options.supportedLocales ?? ["en"];
  const listeners = new Set<(info: HealthCallInfo) => void>();
  const sleeper = createSleeper();
  const switches: HealthApiSwitches = applySwitchPatch(defaultSwitches(), options.switches ?? {});
  const unsubscribe = options.orgControl || org.enableDelay !== "step" ? () => {} : runner.subscribe((change) => change === "step" && org.completePending());

  const deps = {
    world,
    switches,
    random,
    stats,
    org,
    names,
    accessKeys: options.accessKeys ?? {},
    requiredSigningRegion: options.requireSigningRegion ? region : null,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    sleep: sleeper.sleep,
    onCall: (info: HealthCallInfo) => listeners.forEach((listener) => listener(info)),
    contextFor: (served: AccountWorld, caller: AccountWorld["accounts"][number]) => ({
      world: served,
      caller,
      paginator,
      names,
      supportedLocales,
      cache,
      org,
      defaultPageSize: (operation: string) => pageSizes[operation] ?? 10,
      render: {
        omit: new Set(switches.omitNewerFields),
        drift: new Set(switches.unknownEnumValues),
      },
    }),
  };

  const stsCalls = new Map<string, number>();
  const stsDeps = {
    world,
    accessKeys: deps.accessKeys,
    maxBodyBytes: deps.maxBodyBytes,
    countCall: (action: string) => stsCalls.set(action, (stsCalls.get(action) ?? 0) + 1),
  };
  const resetStats = () => {
    stats.reset();
    stsCalls.clear();
  };

  const sns = createSnsSimulation({ accountIds: () => world().accounts.map((account) => account.id), topics: options.snsTopics });
  const snsDeps = { sns, maxBodyBytes: deps.maxBodyBytes, now };
  const organizations = createOrganizationsSimulation({ world, accessKeys: deps.accessKeys, maxBodyBytes: deps.maxBodyBytes, now });

  const setSwitches = (patch: HealthSwitchesPatch) => Object.assign(switches, applySwitchPatch(switches, patch));
  const resetSwitches = () => Object.assign(switches, defaultSwitches());
  let url = "";
  const state = (): HealthApiSimulatorState => {
    const served = world();
    return {
      region,
      url,
      scenario: runner.world().scenarioName,
      stepIndex: runner.stepIndex(),
      orgView: org.status(),
      accounts: served.accounts,
      events: served.events.size,
      entities: [...served.events.values()].reduce((sum, event) => sum + event.entities.length, 0),
      switches: { ...switches },
      stats: stats.snapshot(),
    };
  };
  const control = {
    state,
    stats: stats.snapshot,
    resetStats,
    setSwitches,
    resetSwitches,
    setOrgView: org.set,
    step: runner.step,
    reset: runner.reset,
  };

  const exposedKey = createExposedKeySimulator({
    resolveCaller: (req) => {
      const authorization = req.headers.authorization;
      const role = readSessionRole(req.headers["x-amz-security-token"]?.toString());
      const accessKeyId = /Credential=([^/,\s]+)\//.exec(authorization ?? "")?.[1] ?? null;
      return { accountId: resolveCaller(authorization, world(), deps.accessKeys).id, accessKeyId, roleArn: role?.roleArn ?? null };
    },
    signingRegion: (req) => signingRegionOf(req.headers.authorization),
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handling = exposedKey.claims(req, path)
      ? exposedKey.handle(req, res, path)
      : path.startsWith(HEALTH_CONTROL_PREFIX)
      ? handleHealthControl(req, res, path, control)
      : path.startsWith(SNS_CONTROL_PREFIX)
        ? handleSnsControl(req, res, path, sns)
        : isOrganizationsRequest(req)
          ? organizations.handle(req, res)
          : isSnsRequest(req)
          ? handleSnsRequest(req, res, snsDeps)
          : isStsRequest(req)
            ? handleStsRequest(req, res, stsDeps)
            : handleHealthRequest(req, res, deps);
    handling.catch(() => res.destroy());
  });
  const listening = await listenOn(server, options.port ?? 0, options.host ?? "127.0.0.1");
  url = listening.url;

  return {
    url,
    region,
    runner,
    step: runner.step,
    reset: runner.reset,
    world,
    switches: () => ({ ...switches }),
    setSwitches,
    resetSwitches,
    orgView: org,
    stats: stats.snapshot,
    stsCalls: () => Object.fromEntries(stsCalls),
    resetStats,
    sns,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state,
    exposedKey,
    organizations,
    close: () => {
      exposedKey.close();
      unsubscribe();
      sleeper.cancelAll();
      return listening.close();
    },
  };
}
