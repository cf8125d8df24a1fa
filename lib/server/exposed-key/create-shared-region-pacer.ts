import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { sleepFor, type RegionPacer } from "@/lib/server/sources/exposed-key/create-region-pacer";

/** A slot further ahead than this is a clock gone wrong on some replica, not a queue: it is not waited for. */
const MAX_AHEAD_MS = 60_000;
const MAX_ATTEMPTS = 100;

/**
 * CloudTrail's 2 requests/s is per account and region, whichever replica asks: the next free slot of each
 * `account:region` is kept in the store, and a call reserves it with a compare-and-set before it waits for it.
 * Same contract as the in-process pacer (createRegionPacer); replicas' clocks are assumed in step (NTP).
 */
export function createSharedRegionPacer(options: { store: HealthdeckStore; ratePerSecond: number; now?: () => number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> }): RegionPacer {
  const intervalMs = 1000 / options.ratePerSecond;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  return {
    async wait(key, signal) {
      const name = `cloudtrail-pace:${key}`;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        signal?.throwIfAborted();
        const raw = await options.store.meta.get(name);
        const time = now();
        const reserved = Number(raw);
        const slot = raw !== null && reserved > time && reserved - time <= MAX_AHEAD_MS ? reserved : time;
        if (await options.store.write((tx) => tx.meta.compareAndSet(name, raw, String(slot + intervalMs)))) {
          if (slot > time) await sleep(slot - time, signal);
          return;
        }
      }
      throw new Error(`could not reserve a CloudTrail slot for ${key}: too many replicas reserving at once`);
    },
  };
}
