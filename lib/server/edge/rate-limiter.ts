/** Per-client token buckets: `perMinute` requests a minute on average, bursts up to `perMinute`. */
export interface RateLimiter {
  /** Takes one token; null when allowed, else the seconds until one is free. */
  take(client: string, nowMs: number): number | null;
}

const MAX_TRACKED_CLIENTS = 10_000;

export function createRateLimiter(perMinute: number, maxClients = MAX_TRACKED_CLIENTS): RateLimiter {
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(client, nowMs) {
      if (perMinute <= 0) return null;
      const bucket = buckets.get(client) ?? { tokens: perMinute, atMs: nowMs };
      // Re-inserted so the map stays in least-recently-seen order and the oldest client is forgotten first.
      buckets.delete(client);
      bucket.tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.atMs) * refillPerMs);
      bucket.atMs = nowMs;
      buckets.set(client, bucket);
      if (buckets.size > maxClients) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}
