import type { HealthOperation } from "@/lib/server/sources/account-health/call-health";
import { classifyHealthError } from "@/lib/server/sources/account-health/classify-health-error";
import type { TargetCycleResult } from "@/lib/server/sources/account-health/run-target-cycle";
import { RegionChangedError } from "@/lib/server/sources/account-health/track-health-endpoint";

export type TargetOutcome =
  | { kind: "ok"; targetKey: string; result: TargetCycleResult }
  | { kind: "unavailable" | "disabled" | "throttled" | "error"; targetKey: string; accountId: string | null; reason: string; calls: Map<HealthOperation, number> };

/** Maps a target's failure to an outcome; only "unavailable" and "disabled" are worth waiting long for. */
export function toFailedOutcome(targetKey: string, accountId: string | null, error: unknown, calls = new Map<HealthOperation, number>()): TargetOutcome {
  if (error instanceof RegionChangedError) return { kind: "error", targetKey, accountId, reason: `${error.message}, repeatedly within one cycle`, calls };
  const failure = classifyHealthError(error);
  return { kind: failure.kind, targetKey, accountId, reason: failure.reason, calls };
}

/** A role STS would not let us assume: the reason is STS's answer about the role, not about Health permissions. */
export function toAssumeRoleOutcome(targetKey: string, accountId: string | null, roleArn: string, error: unknown): TargetOutcome {
  const failure = classifyHealthError(error);
  const message = error instanceof Error ? error.message.trim() : String(error);
  return { kind: failure.kind, targetKey, accountId, reason: `cannot assume ${roleArn} (${failure.code}): ${message}`.slice(0, 400), calls: new Map() };
}

const labelOf = (outcome: TargetOutcome) => {
  const accountId = outcome.kind === "ok" ? outcome.result.accountId : outcome.accountId;
  return accountId ? `account ${accountId}` : outcome.targetKey === "default" ? "default credentials" : outcome.targetKey;
};

/** One line for the source: with one target its reason as is, with several each prefixed by the account. */
export function describeOutcomes(outcomes: readonly TargetOutcome[], kinds: readonly TargetOutcome["kind"][]): string | null {
  const picked = outcomes.filter((outcome) => kinds.includes(outcome.kind));
  if (picked.length === 0) return null;
  const reasonOf = (outcome: TargetOutcome) => {
    if (outcome.kind !== "ok") return outcome.reason;
    const { failedItems, firstFailure } = outcome.result.tally;
    return failedItems > 0 ? `${failedItems} item(s) failed in the last cycle and are retried on the next sweep; first: ${firstFailure ?? "no detail"}` : "";
  };
  const parts = picked.map((outcome) => ({ label: labelOf(outcome), reason: reasonOf(outcome) })).filter((part) => part.reason !== "");
  if (parts.length === 0) return null;
  const text = outcomes.length === 1 ? parts.map((part) => part.reason).join("; ") : parts.map((part) => `${part.label}: ${part.reason}`).join("; ");
  return text.slice(0, 500);
}
