import type { HealthStatus } from "@/lib/shared/health-status";

/**
 * The five statuses and their worst-of order, without zod, for browser bundles (health-status.ts builds a zod enum at
 * import time, which pulls ~30 KB gzip into any page importing it). Kept equal to health-status.ts by its test.
 */
export const STATUS_ORDER: readonly HealthStatus[] = ["operational", "informational", "degraded", "disrupted", "unknown"];

// An unknown state outranks anything that could look green.
const RANK: Record<HealthStatus, number> = { operational: 0, informational: 1, unknown: 2, degraded: 3, disrupted: 4 };

export function rankStatus(status: HealthStatus): number {
  return RANK[status];
}

export function worstOf(statuses: Iterable<HealthStatus>, fallback: HealthStatus = "operational"): HealthStatus {
  let worst = fallback;
  for (const status of statuses) if (RANK[status] > RANK[worst]) worst = status;
  return worst;
}
