import type { SendOutcome } from "@/lib/server/outputs/delivery/post-json";
import type { AttemptResult, Delivery } from "@/lib/server/store/contract/outbox-contract";

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  random: () => number;
}

export type AttemptDecision = AttemptResult & {
  /** 404/410: the endpoint is gone; the channel is marked broken until its URL changes */
  isChannelBroken: boolean;
  /** 429: nothing more goes to this channel before this time */
  pauseChannelUntil: number | null;
};

/** Exponential backoff with jitter: between half and all of base·2^(n-1), capped. */
export function computeRetryDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/**
 * What one answer means: 2xx sent; 429 waits for Retry-After; 5xx, 408, network errors and timeouts retry with
 * backoff until the deadline (then expired); 404/410 break the channel; any other answer (3xx, 4xx) fails for good.
 */
export function decideAttemptResult(delivery: Delivery, outcome: SendOutcome, now: number, policy: RetryPolicy): AttemptDecision {
  const base = { at: now, lastStatus: outcome.status, lastError: outcome.error, isChannelBroken: false, pauseChannelUntil: null };
  if (outcome.ok) return { ...base, status: "sent", nextAttemptAt: now, lastError: null };
  if (outcome.status === 404 || outcome.status === 410) return { ...base, status: "failed", nextAttemptAt: now, isChannelBroken: true };
  const isTransient = outcome.status === null || outcome.status === 408 || outcome.status === 429 || outcome.status >= 500;
  if (!isTransient) return { ...base, status: "failed", nextAttemptAt: now };
  const delay = outcome.status === 429 && outcome.retryAfterMs !== null ? outcome.retryAfterMs : computeRetryDelay(delivery.attempts + 1, policy);
  const nextAttemptAt = now + delay;
  if (nextAttemptAt > delivery.deadlineAt) return { ...base, status: "expired", nextAttemptAt: now, lastError: `gave up at the deadline; last: ${outcome.error ?? "no answer"}` };
  return { ...base, status: "queued", nextAttemptAt, pauseChannelUntil: outcome.status === 429 ? nextAttemptAt : null };
}
