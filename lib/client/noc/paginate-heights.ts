export interface MeasuredItem {
  /** offset of the item's top from the list's top, px */
  top: number;
  height: number;
}

/**
 * Start indexes of the pages that fit `available` px, greedily in order. An item taller than a page gets a
 * page of its own (it is clipped, never dropped). At least one page, even for an empty list.
 */
export function paginateHeights(items: readonly MeasuredItem[], available: number): number[] {
  const starts = [0];
  let pageTop = items[0]?.top ?? 0;
  items.forEach((item, index) => {
    if (index === 0) return;
    if (item.top + item.height - pageTop > available + 0.5) {
      starts.push(index);
      pageTop = item.top;
    }
  });
  return starts;
}

export function samePages(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
