import { cloneAccountWorld, type AccountWorld } from "@/lib/simulator/account-world";
import { createRunnerFor } from "@/lib/simulator/health-api/create-runner-for";
import {
  createHealthApiSimulator,
  type HealthApiSimulator,
  type HealthApiSimulatorOptions,
} from "@/lib/simulator/health-api/create-health-api-simulator";
import type { HealthApiStats } from "@/lib/simulator/health-api/health-api-stats";
import { createFakeCnameResolver, type FakeCnameResolver } from "@/lib/simulator/health-api/fake-cname-resolver";
import { createOrgViewControl, type OrgViewControl } from "@/lib/simulator/health-api/org-view-control";
import type { ScenarioRunner, StepInfo } from "@/lib/simulator/scenario-runner";

export const HEALTH_REGIONS = ["us-east-1", "us-east-2"] as const;
export type HealthRegion = (typeof HEALTH_REGIONS)[number];

export interface HealthApiPairOptions
  extends Omit<HealthApiSimulatorOptions, "port" | "region" | "accountWorld" | "orgControl" | "requireSigningRegion"> {
  /** How many scenario steps the passive endpoint is behind (default 1). */
  lagSteps?: number;
  /** 403 InvalidSignatureException for a request signed for the other region (default true, as AWS). */
  requireSigningRegion?: boolean;
  ports?: Partial<Record<HealthRegion, number>>;
}

export interface HealthApiPair {
  listeners: Record<HealthRegion, HealthApiSimulator>;
  /** Region → base URL, e.g. { "us-east-1": "http://127.0.0.1:41234", … }. */
  endpoints: Record<HealthRegion, string>;
  /** For the poller's injected `endpointForRegion`; undefined for regions the pair does not serve. */
  endpointForRegion: (region: string) => string | undefined;
  resolver: FakeCnameResolver;
  /** For the poller's injected `resolveCname` (same as resolver.resolveCname). */
  resolveCname: (hostname: string) => Promise<string[]>;
  activeRegion(): HealthRegion;
  /** `region` becomes active (latest data; the other lags) and, unless dns is false, the CNAME points at it. */
  failover(region?: HealthRegion, options?: { dns?: boolean }): void;
  /** The passive endpoint catches up with the active one (it lags again from the next step). */
  syncPassive(): void;
  runner: ScenarioRunner;
  step(): StepInfo;
  reset(): void;
  orgView: OrgViewControl;
  stats(): Record<HealthRegion, HealthApiStats>;
  resetStats(): void;
  close(): Promise<void>;
}

/** AWS Health's active/passive pair: us-east-1 active, us-east-2 passive with lagging data, and a fake resolver. */
export async function createHealthApiPair(options: HealthApiPairOptions): Promise<HealthApiPair> {
  const now = options.now ?? Date.now;
  const runner = options.runner ?? createRunnerFor(options, now);
  const lagSteps = Math.max(0, options.lagSteps ?? 1);
  const org = createOrgViewControl({ initial: options.orgView, enableDelay: options.orgEnableDelay, now });
  const resolver = createFakeCnameResolver("us-east-1");
  let active: HealthRegion = "us-east-1";
  let history: AccountWorld[] = [cloneAccountWorld(runner.world().account)];
  const unsubscribe = runner.subscribe((change) => {
    if (change === "step" && org.enableDelay === "step") org.completePending();
    const snapshot = cloneAccountWorld(runner.world().account);
    history = change === "reset" ? [snapshot] : [...history, snapshot].slice(-(lagSteps + 1));
  });
  const lagged = () => history[0] ?? runner.world().account;

  const start = (region: HealthRegion) =>
    createHealthApiSimulator({
      ...options,
      runner,
      region,
      port: options.ports?.[region] ?? 0,
      orgControl: org,
      requireSigningRegion: options.requireSigningRegion ?? true,
      accountWorld: () => (region === active ? runner.world().account : lagged()),
    });
  const listeners = { "us-east-1": await start("us-east-1"), "us-east-2": await start("us-east-2") };
  const endpoints = { "us-east-1": listeners["us-east-1"].url, "us-east-2": listeners["us-east-2"].url };

  return {
    listeners,
    endpoints,
    endpointForRegion: (region) => (region === "us-east-1" || region === "us-east-2" ? endpoints[region] : undefined),
    resolver,
    resolveCname: resolver.resolveCname,
    activeRegion: () => active,
    failover(region = active === "us-east-1" ? "us-east-2" : "us-east-1", failoverOptions = {}) {
      active = region;
      if (failoverOptions.dns !== false) resolver.point(region);
    },
    syncPassive() {
      history = [cloneAccountWorld(runner.world().account)];
    },
    runner,
    step: runner.step,
    reset: runner.reset,
    orgView: org,
    stats: () => ({ "us-east-1": listeners["us-east-1"].stats(), "us-east-2": listeners["us-east-2"].stats() }),
    resetStats() {
      for (const listener of Object.values(listeners)) listener.resetStats();
    },
    async close() {
      unsubscribe();
      await Promise.all(Object.values(listeners).map((listener) => listener.close()));
    },
  };
}
