import { NewRowTracker } from "@/lib/client/noc/new-row-tracker";

export interface HighlightStore {
  subscribe(listener: () => void): () => void;
  /** the highlighted row keys; the same object until it changes */
  getSnapshot(): ReadonlySet<string>;
  /** Records the rows now shown; returns the new ones. */
  observe(rowKeys: readonly string[], now: number): string[];
  /** Stops the expiry timer (the next observe starts it again). */
  dispose(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

/** NewRowTracker as an external store for React, with one timer that ends the next highlight. */
export function createHighlightStore(highlightMs: number): HighlightStore {
  const tracker = new NewRowTracker(highlightMs);
  const listeners = new Set<() => void>();
  let snapshot: ReadonlySet<string> = EMPTY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = (now: number) => {
    const next = tracker.highlighted(now);
    const isSame = next.size === snapshot.size && [...next].every((key) => snapshot.has(key));
    if (!isSame) {
      snapshot = next.size === 0 ? EMPTY : next;
      for (const listener of listeners) listener();
    }
    clearTimeout(timer);
    const expiry = tracker.nextExpiry();
    if (expiry !== null) timer = setTimeout(() => refresh(Date.now()), Math.max(0, expiry - now) + 50);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    observe(rowKeys, now) {
      const fresh = tracker.observe(rowKeys, now);
      refresh(now);
      return fresh;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

export function getEmptyHighlights(): ReadonlySet<string> {
  return EMPTY;
}
