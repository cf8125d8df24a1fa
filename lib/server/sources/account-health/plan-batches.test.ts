import { describe, expect, it } from "vitest";
import { chunk, packEntityBatches, type EntityCountHint } from "@/lib/server/sources/account-health/plan-batches";

/** Calls a plan costs when every batch is paged at `pageSize` across its events. */
function costOf(batches: string[][], counts: Map<string, number>, pageSize = 100): number {
  return batches.reduce((calls, batch) => calls + Math.max(1, Math.ceil(batch.reduce((sum, arn) => sum + (counts.get(arn) ?? 0), 0) / pageSize)), 0);
}

function seededCounts(n: number, seed: number): EntityCountHint[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: n }, (_, index) => ({ arn: `e${index}`, count: next() < 0.3 ? 0 : Math.floor(next() ** 3 * 400) + 1 }));
}

describe("chunk", () => {
  it("splits into full chunks and one remainder", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 10)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow();
  });
});

describe("packEntityBatches", () => {
  it("skips events without entities, respects 10 ARNs per batch and keeps every event exactly once", () => {
    const hints = seededCounts(500, 7);
    const plan = packEntityBatches(hints);
    const planned = [...plan.batches.flat(), ...plan.skipped].sort();
    expect(planned).toEqual(hints.map((hint) => hint.arn).sort());
    expect(plan.batches.every((batch) => batch.length >= 1 && batch.length <= 10)).toBe(true);
    expect(plan.skipped).toEqual(hints.filter((hint) => hint.count === 0).map((hint) => hint.arn));
  });

  it("costs within 2% of the page lower bound where naive batches of 10 waste far more", () => {
    const hints = seededCounts(2000, 42);
    const counts = new Map(hints.map((hint) => [hint.arn, hint.count ?? 0]));
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const lowerBound = Math.ceil(total / 100);
    const packed = costOf(packEntityBatches(hints).batches, counts);
    const naive = costOf(chunk(hints.map((hint) => hint.arn), 10), counts);
    expect(packed).toBeLessThanOrEqual(Math.ceil(lowerBound * 1.02));
    expect(naive).toBeGreaterThan(packed);
  });

  it("pairs remainders into single pages and spreads exact multiples into free slots", () => {
    const plan = packEntityBatches([
      { arn: "a", count: 60 },
      { arn: "b", count: 40 },
      { arn: "c", count: 200 },
      { arn: "d", count: 70 },
      { arn: "e", count: null },
    ]);
    expect(plan.batches).toEqual([["d", "c"], ["a", "b"], ["e"]]);
  });
});
