import { describe, expect, it } from "vitest";
import { BURN_IN_MAX_PX, BURN_IN_STEP_MS, computeBurnInOffset } from "@/lib/client/noc/burn-in-offset";

describe("computeBurnInOffset", () => {
  it("stays within the padding the wall keeps for it, and moves every step", () => {
    const offsets = Array.from({ length: 40 }, (_, step) => computeBurnInOffset(step * BURN_IN_STEP_MS));
    for (const { x, y } of offsets) {
      expect(Math.abs(x)).toBeLessThanOrEqual(BURN_IN_MAX_PX);
      expect(Math.abs(y)).toBeLessThanOrEqual(BURN_IN_MAX_PX);
    }
    offsets.slice(1).forEach((offset, index) => expect(offset).not.toEqual(offsets[index]));
    expect(new Set(offsets.map(({ x, y }) => `${x},${y}`)).size).toBeGreaterThan(8);
  });

  it("holds still between steps", () => {
    expect(computeBurnInOffset(BURN_IN_STEP_MS * 5 + 1)).toEqual(computeBurnInOffset(BURN_IN_STEP_MS * 6 - 1));
  });
});
