import { describe, expect, it } from "vitest";
import { HEALTH_STATUSES, severityRank, worstStatus } from "@/lib/shared/health-status";
import { rankStatus, STATUS_ORDER, worstOf } from "@/lib/shared/health-status-order";

describe("health-status-order (the zod-free copy for browsers)", () => {
  it("lists the same statuses in the same order as health-status.ts", () => {
    expect(STATUS_ORDER).toEqual(HEALTH_STATUSES);
  });

  it("ranks every status as health-status.ts does, unknown above informational", () => {
    for (const status of HEALTH_STATUSES) expect(rankStatus(status)).toBe(severityRank(status));
    expect(rankStatus("unknown")).toBeGreaterThan(rankStatus("informational"));
  });

  it("picks the worst status as worstStatus does", () => {
    const samples = [[], ["operational"], ["informational", "unknown"], ["degraded", "disrupted", "unknown"]] as const;
    for (const sample of samples) expect(worstOf(sample)).toBe(worstStatus(sample));
    expect(worstOf([], "unknown")).toBe("unknown");
  });
});
