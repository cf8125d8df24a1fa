import { z } from "zod";

/** Faults of the fake CloudTrail, IAM and EC2, switched over the control API. */
export const exposedKeyFaultsSchema = z.strictObject({
  /** every CloudTrail call is AccessDenied (the role lacks cloudtrail:LookupEvents) */
  denyCloudTrail: z.boolean().default(false),
  /** every IAM read is AccessDenied */
  denyIam: z.boolean().default(false),
  /** UpdateAccessKey is AccessDenied (the action role lacks iam:UpdateAccessKey) */
  denyUpdateAccessKey: z.boolean().default(false),
  /** LookupEvents in these regions never answers */
  hangRegions: z.array(z.string().min(2).max(25)).max(40).default([]),
  /** CloudTrail's documented LookupEvents limit per account and region */
  ratePerSecond: z.number().min(0.1).max(1_000).default(2),
  /** added before every answer */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
});
export type ExposedKeyFaults = z.infer<typeof exposedKeyFaultsSchema>;
export const faultsPatchSchema = exposedKeyFaultsSchema.partial();

export const defaultFaults = (): ExposedKeyFaults => exposedKeyFaultsSchema.parse({});

/**
 * AWS's per-account, per-region request rate as a token bucket (burst of one second's worth), so a client that
 * spaces its calls at the rate is never throttled whatever the network jitter, and one that bursts is.
 */
export function createRateLimiter(ratePerSecond: () => number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string): boolean {
      const rate = ratePerSecond();
      const capacity = Math.max(1, rate);
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((time - bucket.at) / 1000) * rate);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    reset: () => buckets.clear(),
  };
}
