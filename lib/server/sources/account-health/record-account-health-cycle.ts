import type { Logger } from "@/lib/server/logging/create-logger";
import { ACCOUNT_HEALTH_SOURCE_ID, type AccountHealthSettings } from "@/lib/server/sources/account-health/account-health-settings";
import { describeOutcomes, type TargetOutcome } from "@/lib/server/sources/account-health/summarise-target-outcomes";
import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";

/** Throttling doubles the wait between cycles up to this. */
const MAX_THROTTLE_BACKOFF_MS = 15 * 60_000;

export interface AccountHealthReport {
  sourceId: typeof ACCOUNT_HEALTH_SOURCE_ID;
  state: "ok" | "error" | "unavailable" | "disabled";
  error: string | null;
  durationMs: number;
  /** Health API calls by operation, over all targets (SDK retries inside a call not counted) */
  calls: Record<string, number>;
  targets: {
    accountId: string;
    region: string;
    view: string | null;
    restarts: number;
    isInitial: boolean;
    isSweep: boolean;
    changedEvents: number;
    storedEntities: number;
    failedItems: number;
  }[];
}

export interface RecordCycleInput {
  sink: AccountHealthSink;
  logger: Logger;
  settings: AccountHealthSettings;
  outcomes: readonly TargetOutcome[];
  startedAt: number;
  finishedAt: number;
  /** shared, mutable backoff state of the job */
  throttle: { consecutive: number; until: number };
  onCycle?: (report: AccountHealthReport) => void;
}

function decideState(outcomes: readonly TargetOutcome[]): AccountHealthReport["state"] {
  if (outcomes.some((outcome) => outcome.kind === "ok")) return "ok";
  if (outcomes.length > 0 && outcomes.every((outcome) => outcome.kind === "disabled")) return "disabled";
  if (outcomes.length > 0 && outcomes.every((outcome) => outcome.kind === "disabled" || outcome.kind === "unavailable")) return "unavailable";
  return "error";
}

/** Turns a run's target outcomes into the source state, the "retry rarely" condition and the throttling backoff. */
export async function recordAccountHealthCycle(input: RecordCycleInput): Promise<AccountHealthReport> {
  const { sink, outcomes, settings, throttle, finishedAt } = input;
  const state = decideState(outcomes);
  const isThrottled = state === "error" && outcomes.some((outcome) => outcome.kind === "throttled");
  throttle.consecutive = isThrottled ? throttle.consecutive + 1 : 0;
  throttle.until = isThrottled ? finishedAt + Math.min(settings.pollMs * 2 ** throttle.consecutive, MAX_THROTTLE_BACKOFF_MS) : 0;

  let error = state === "ok" ? describeOutcomes(outcomes, ["ok", "unavailable", "disabled", "throttled", "error"]) : describeOutcomes(outcomes, ["unavailable", "disabled", "throttled", "error"]);
  if (isThrottled) error = `${error ?? "throttled"}; next attempt in ${Math.round((throttle.until - finishedAt) / 1000)} s`;
  const reason = error ?? `account health ${state}`;
  const keepsWaiting = state === "unavailable" || state === "disabled";
  const since = keepsWaiting ? ((await sink.getCondition())?.since ?? finishedAt) : finishedAt;
  const condition = keepsWaiting ? { state, reason, since, retryAt: finishedAt + settings.unavailableRetryMs } : null;
  await sink.recordCycle({ state, finishedAt, error, reason, condition });

  const calls: Record<string, number> = {};
  const targets: AccountHealthReport["targets"] = [];
  for (const outcome of outcomes) {
    for (const [operation, count] of outcome.kind === "ok" ? outcome.result.calls : outcome.calls) calls[operation] = (calls[operation] ?? 0) + count;
    if (outcome.kind !== "ok") continue;
    const { result } = outcome;
    targets.push({
      accountId: result.accountId,
      region: result.region,
      view: result.view,
      restarts: result.restarts,
      isInitial: result.isInitial,
      isSweep: result.isSweep,
      changedEvents: result.tally.changedEvents,
      storedEntities: result.tally.storedEntities,
      failedItems: result.tally.failedItems,
    });
  }
  const report: AccountHealthReport = { sourceId: ACCOUNT_HEALTH_SOURCE_ID, state, error, durationMs: finishedAt - input.startedAt, calls, targets };
  if (state === "ok") {
    const isNotable = targets.some((target) => target.changedEvents > 0 || target.restarts > 0 || target.isInitial);
    const fields = { calls, targets: targets.map(({ accountId, region, view, changedEvents, restarts }) => ({ account: accountId, region, view, changedEvents, restarts })) };
    if (isNotable) input.logger.info("account health synced", fields);
    else input.logger.debug("account health unchanged", fields);
  } else if (state === "disabled") {
    input.logger.info("account health is off", { reason });
  } else {
    input.logger.warn("account health cycle did not succeed", { state, error: reason });
  }
  input.onCycle?.(report);
  return report;
}
