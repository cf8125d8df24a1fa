import { describe, expect, it } from "vitest";
import { paginateHeights, samePages } from "@/lib/client/noc/paginate-heights";

/** Items of the given heights stacked with a gap, as the browser lays them out. */
const stack = (heights: number[], gap = 10) => {
  let top = 0;
  return heights.map((height) => {
    const item = { top, height };
    top += height + gap;
    return item;
  });
};

describe("paginateHeights", () => {
  it("keeps everything on one page when it fits", () => {
    expect(paginateHeights(stack([50, 50, 50]), 170)).toEqual([0]);
  });

  it("starts a page at the first item that would not fit, counting the gaps inside a page", () => {
    // pages: [50, 50] = 110, [80, 20] = 110, [90]
    expect(paginateHeights(stack([50, 50, 80, 20, 90]), 120)).toEqual([0, 2, 4]);
  });

  it("gives an item taller than a page a page of its own instead of dropping it", () => {
    expect(paginateHeights(stack([30, 500, 30]), 100)).toEqual([0, 1, 2]);
  });

  it("has one page for an empty list", () => {
    expect(paginateHeights([], 100)).toEqual([0]);
  });

  it("compares page layouts by value", () => {
    expect(samePages([0, 3], [0, 3])).toBe(true);
    expect(samePages([0, 3], [0, 4])).toBe(false);
    expect(samePages([0], [0, 4])).toBe(false);
  });
});
