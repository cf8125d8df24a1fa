export interface RingEntry {
  id: string;
  chunk: Uint8Array;
}

export interface ChangeRing {
  push(entry: RingEntry): void;
  /**
   * The entries after `id`, oldest first: empty when `id` is the newest, null when `id` is not kept
   * (too old, or from another process), in which case the client needs a snapshot.
   */
  after(id: string): RingEntry[] | null;
  readonly size: number;
  readonly bytes: number;
}

/**
 * The last changes of one scope, bounded by count and by bytes, for clients resuming by Last-Event-ID.
 * `baseId` is the state the oldest kept change applies to (the scope's first snapshot, at the start).
 */
export function createChangeRing(limits: { maxEntries: number; maxBytes: number }, baseId: string): ChangeRing {
  const entries: RingEntry[] = [];
  let base = baseId;
  let bytes = 0;
  return {
    push(entry) {
      entries.push(entry);
      bytes += entry.chunk.byteLength;
      while (entries.length > limits.maxEntries || (bytes > limits.maxBytes && entries.length > 0)) {
        const dropped = entries.shift();
        if (!dropped) break;
        bytes -= dropped.chunk.byteLength;
        base = dropped.id;
      }
    },
    after(id) {
      if (id === base) return [...entries];
      const index = entries.findIndex((entry) => entry.id === id);
      return index === -1 ? null : entries.slice(index + 1);
    },
    get size() {
      return entries.length;
    },
    get bytes() {
      return bytes;
    },
  };
}
