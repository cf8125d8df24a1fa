import type { Logger } from "@/lib/server/logging/create-logger";
import type { HealthOperation } from "@/lib/server/sources/account-health/call-health";
import type { HealthClientCache } from "@/lib/server/sources/account-health/create-health-client";
import { decideHealthView, type OrgViewSetting } from "@/lib/server/sources/account-health/decide-health-view";
import type { HealthView } from "@/lib/server/sources/account-health/list-event-pages";
import { createSyncTally, type SyncTally } from "@/lib/server/sources/account-health/sync-context";
import { syncTargetView, type SyncWindows } from "@/lib/server/sources/account-health/sync-target-view";
import { RegionChangedError, type HealthEndpointTracker } from "@/lib/server/sources/account-health/track-health-endpoint";
import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";

/** A flip back and forth more often than this within one cycle is left to the next cycle. */
const MAX_REGION_RESTARTS = 3;

export interface TargetCycleDeps {
  sink: AccountHealthSink;
  logger: Logger;
  now: () => number;
  signal: AbortSignal;
  tracker: HealthEndpointTracker;
  clients: HealthClientCache;
  orgView: OrgViewSetting;
  windows: SyncWindows;
  overlapMs: number;
  /** filled in as calls are made, so a failed cycle still reports them */
  calls: Map<HealthOperation, number>;
}

export interface TargetCycleResult {
  accountId: string;
  region: string;
  view: HealthView | null;
  /** set when the view cannot be used (org view demanded but not enabled) */
  unavailable: string | null;
  restarts: number;
  /** tallies the attempt that finished; calls count every attempt */
  isInitial: boolean;
  isSweep: boolean;
  calls: Map<HealthOperation, number>;
  tally: SyncTally;
}

/** One target's cycle on the active region; when the region flips mid-cycle the cycle restarts on the new one. */
export async function runTargetCycle(accountId: string, deps: TargetCycleDeps): Promise<TargetCycleResult> {
  const { calls } = deps;
  for (let restarts = 0; ; restarts += 1) {
    const tally = createSyncTally();
    const placement = await deps.tracker.placeCycle();
    const base = { client: deps.clients.clientFor(placement), signal: deps.signal, calls, assertRegion: () => deps.tracker.assertCurrent(placement) };
    const result = { accountId, region: placement.region, restarts, calls, tally, isInitial: false, isSweep: false };
    try {
      const decision = await decideHealthView(base, {
        setting: deps.orgView,
        accountId,
        sink: deps.sink,
        nowMs: deps.now(),
        recheckMs: deps.windows.sweepMs,
      });
      if ("unavailable" in decision) return { ...result, view: null, unavailable: decision.unavailable };
      const context = { ...base, sink: deps.sink, accountId, targetKey: `${decision.view}:${accountId}`, now: deps.now, overlapMs: deps.overlapMs, tally };
      const cycle = await syncTargetView(context, decision.view, deps.windows);
      return { ...result, view: decision.view, unavailable: null, ...cycle };
    } catch (error) {
      if (!(error instanceof RegionChangedError) || restarts >= MAX_REGION_RESTARTS) throw error;
      deps.logger.info("AWS Health active region changed; restarting the cycle", { from: error.from, to: error.to, account: accountId });
    }
  }
}
