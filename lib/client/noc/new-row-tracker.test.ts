import { describe, expect, it } from "vitest";
import { NewRowTracker } from "@/lib/client/noc/new-row-tracker";

describe("NewRowTracker", () => {
  it("takes the first picture as the baseline and highlights only rows that appear later", () => {
    const tracker = new NewRowTracker(60_000);
    expect(tracker.observe(["a", "b"], 0)).toEqual([]);
    expect(tracker.observe(["a", "b", "c"], 1000)).toEqual(["c"]);
    expect([...tracker.highlighted(2000)]).toEqual(["c"]);
    expect(tracker.nextExpiry()).toBe(61_000);
  });

  it("ends a highlight after its time, or when the row leaves the screen", () => {
    const tracker = new NewRowTracker(60_000);
    tracker.observe([], 0);
    tracker.observe(["a", "b"], 1000);
    expect(tracker.highlighted(60_999).size).toBe(2);
    expect(tracker.highlighted(61_000).size).toBe(0);
    tracker.observe(["c", "d"], 70_000);
    tracker.observe(["d"], 71_000);
    expect([...tracker.highlighted(72_000)]).toEqual(["d"]);
    expect(tracker.nextExpiry()).toBe(130_000);
  });

  it("holds no more than the rows on screen, however many have come and gone", () => {
    const tracker = new NewRowTracker(5 * 60_000);
    tracker.observe([], 0);
    for (let step = 1; step <= 20_000; step += 1) {
      tracker.observe([`row-${step}`, `row-${step + 1}`, "steady"], step * 1000);
    }
    expect(tracker.size()).toBeLessThanOrEqual(6);
  });
});
