/**
 * Which rows on the wall are new. Only rows present now are remembered, and highlights expire, so the
 * bookkeeping is bounded by what is on screen however long the page runs.
 */
export class NewRowTracker {
  private known: Set<string> | null = null;
  private readonly until = new Map<string, number>();

  constructor(private readonly highlightMs: number) {}

  /** Records the rows now shown; returns the ones not shown at the previous call (none at the first call). */
  observe(rowKeys: Iterable<string>, now: number): string[] {
    const current = new Set(rowKeys);
    const previous = this.known;
    this.known = current;
    const fresh = previous === null ? [] : [...current].filter((key) => !previous.has(key));
    for (const key of fresh) this.until.set(key, now + this.highlightMs);
    this.prune(now);
    return fresh;
  }

  /** Rows highlighted at `now`. */
  highlighted(now: number): Set<string> {
    this.prune(now);
    return new Set(this.until.keys());
  }

  /** When the next highlight ends (epoch ms), or null when none is shown. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const end of this.until.values()) if (next === null || end < next) next = end;
    return next;
  }

  /** Entries held: for tests of the memory bound. */
  size(): number {
    return this.until.size + (this.known?.size ?? 0);
  }

  private prune(now: number): void {
    for (const [key, end] of this.until) {
      if (end <= now || !this.known?.has(key)) this.until.delete(key);
    }
  }
}
