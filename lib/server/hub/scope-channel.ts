import type { LiveScope } from "@/lib/shared/live-scope";
import type { SnapshotFormat, StreamCompactSnapshot, StreamSnapshot } from "@/lib/shared/stream-contract";
import { compactStatusResponse } from "@/lib/shared/compact-status-response";
import { createChangeRing, type ChangeRing } from "@/lib/server/hub/change-ring";
import { diffSnapshots } from "@/lib/server/hub/diff-snapshots";
import { encodeSseEvent } from "@/lib/server/hub/format-sse";

export interface ScopeChannel {
  key: string;
  scope: LiveScope;
  /** id of the newest state: of the last change, or of the first snapshot when nothing changed yet */
  readonly headId: string;
  readonly ring: ChangeRing;
  /** Takes a fresh build; returns the encoded `change` event when the screen changed, else null. */
  advance(next: StreamSnapshot, nextId: () => string): Uint8Array | null;
  /** What a client needs to be current: nothing, the changes after `lastEventId`, or a snapshot in `format`. */
  catchUp(lastEventId: string | null, format?: SnapshotFormat): Uint8Array[];
}

export interface ChannelLimits {
  ringEntries: number;
  ringBytes: number;
}

/**
 * One distinct scope with live subscribers: its last build (to diff the next against), the ids of its
 * changes and a bounded ring of them. Built and serialised once, whatever the number of subscribers.
 */
export function createScopeChannel(key: string, scope: LiveScope, first: StreamSnapshot, firstId: string, limits: ChannelLimits): ScopeChannel {
  const ring = createChangeRing({ maxEntries: limits.ringEntries, maxBytes: limits.ringBytes }, firstId);
  let current = first;
  let headId = firstId;
  let snapshotChunk: Uint8Array | null = null;
  let compactSnapshotChunk: Uint8Array | null = null;

  const encodeSnapshot = (format: SnapshotFormat) => {
    if (format === "full") return (snapshotChunk ??= encodeSseEvent({ name: "snapshot", id: headId, data: current }));
    const compact: StreamCompactSnapshot = { version: current.version, statusCompact: compactStatusResponse(current.status), account: current.account };
    return (compactSnapshotChunk ??= encodeSseEvent({ name: "snapshot", id: headId, data: compact }));
  };

  return {
    key,
    scope,
    get headId() {
      return headId;
    },
    ring,
    advance(next, nextId) {
      const change = diffSnapshots(current, next);
      // Kept even when unchanged, so a later snapshot carries a current generatedAt.
      current = next;
      snapshotChunk = null;
      compactSnapshotChunk = null;
      if (change === null) return null;
      headId = nextId();
      const chunk = encodeSseEvent({ name: "change", id: headId, data: change });
      ring.push({ id: headId, chunk });
      return chunk;
    },
    catchUp(lastEventId, format = "full") {
      if (lastEventId === null) return [encodeSnapshot(format)];
      if (lastEventId === headId) return [];
      const missed = ring.after(lastEventId);
      return missed === null ? [encodeSnapshot(format)] : missed.map((entry) => entry.chunk);
    },
  };
}
