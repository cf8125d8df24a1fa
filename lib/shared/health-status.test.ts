import { describe, expect, it } from "vitest";
import { HEALTH_STATUSES, isHealthy, worstStatus, type HealthStatus } from "@/lib/shared/health-status";
import { worstOf } from "@/lib/shared/health-status-order";

// Worst first: an unknown state outranks everything that could look green, but not a known impairment.
const WORST_FIRST: readonly HealthStatus[] = ["disrupted", "degraded", "unknown", "informational", "operational"];
const expectedWorst = (a: HealthStatus, b: HealthStatus) => (WORST_FIRST.indexOf(a) <= WORST_FIRST.indexOf(b) ? a : b);

const pairs = HEALTH_STATUSES.flatMap((a) => HEALTH_STATUSES.map((b) => ({ a, b, worst: expectedWorst(a, b) })));

describe("worst-of order, every pair", () => {
  it("covers all 25 ordered pairs", () => {
    expect(pairs).toHaveLength(25);
  });

  it.each(pairs)("worst of $a and $b is $worst", ({ a, b, worst }) => {
    expect(worstStatus([a, b])).toBe(worst);
    expect(worstOf([a, b])).toBe(worst);
  });

  it("lets nothing but operational count as healthy, and an empty list fall back", () => {
    expect(HEALTH_STATUSES.filter(isHealthy)).toEqual(["operational"]);
    expect(worstStatus([])).toBe("operational");
    expect(worstStatus([], "unknown")).toBe("unknown");
    expect(worstStatus(["operational", "informational"], "unknown")).toBe("unknown");
  });
});
