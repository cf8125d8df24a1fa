import { setTimeout as delay } from "node:timers/promises";

export const MAX_BACKOFF_MS = 30_000;

/** Full-jitter exponential backoff: a uniform draw in [0, min(cap, base * 2^retryIndex)). */
export function computeBackoffDelay(
  retryIndex: number,
  baseMs: number,
  random: () => number,
  capMs: number = MAX_BACKOFF_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * Waits `ms` with the injected sleep (or a real timer), but rejects with the signal's reason as soon
 * as it aborts; the real timer is cancelled too, so an aborted caller leaves nothing pending.
 */
export async function sleepUnlessAborted(
  ms: number,
  sleep: ((ms: number) => Promise<void>) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  if (!sleep) {
    try {
      await delay(ms, undefined, signal ? { signal } : undefined);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
    return;
  }
  if (!signal) return sleep(ms);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
