import { describe, expect, it } from "vitest";
import { computeReconnectDelay } from "@/lib/client/live/compute-reconnect-delay";

describe("computeReconnectDelay", () => {
  it("doubles from about a second up to 10 s, with jitter between half and all of it", () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((attempt) => computeReconnectDelay(attempt, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(computeReconnectDelay(0, () => 0)).toBe(500);
    expect(computeReconnectDelay(10, () => 0)).toBe(5000);
  });
});
