/**
 * One token bucket per region (CloudTrail allows LookupEvents 2 times a second per account and region): a call
 * waits for its region's next slot, so regions run side by side and none is ever throttled by our own bursts.
 * Capacity one: the first call goes at once, each next one a full interval after the previous.
 */
export function createRegionPacer(options: { ratePerSecond: number; now?: () => number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> }) {
  const intervalMs = 1000 / options.ratePerSecond;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const nextSlot = new Map<string, number>();
  return {
    /** Resolves when `region` may be called; reserves that slot. */
    async wait(region: string, signal?: AbortSignal): Promise<void> {
      const time = now();
      const slot = Math.max(time, nextSlot.get(region) ?? time);
      nextSlot.set(region, slot + intervalMs);
      if (slot > time) await sleep(slot - time, signal);
    },
  };
}
export type RegionPacer = ReturnType<typeof createRegionPacer>;

export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
