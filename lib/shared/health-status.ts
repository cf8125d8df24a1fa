// zod/mini: these contracts are also what the browser checks stream messages with (a tenth of classic zod's size).
import { z } from "zod/mini";

export const HEALTH_STATUSES = ["operational", "informational", "degraded", "disrupted", "unknown"] as const;
export const healthStatusSchema = z.enum(HEALTH_STATUSES);
export type HealthStatus = z.infer<typeof healthStatusSchema>;

// Worst-of order from the reference: an unknown state outranks anything that could look green.
const SEVERITY_RANK: Record<HealthStatus, number> = {
  operational: 0,
  informational: 1,
  unknown: 2,
  degraded: 3,
  disrupted: 4,
};

export function severityRank(status: HealthStatus): number {
  return SEVERITY_RANK[status];
}

export function worstStatus(statuses: Iterable<HealthStatus>, fallback: HealthStatus = "operational"): HealthStatus {
  let worst = fallback;
  for (const status of statuses) {
    if (SEVERITY_RANK[status] > SEVERITY_RANK[worst]) worst = status;
  }
  return worst;
}

export function isHealthy(status: HealthStatus): boolean {
  return status === "operational";
}
