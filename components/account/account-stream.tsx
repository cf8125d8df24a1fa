"use client";

import { useEffect, useRef } from "react";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";
import { useLiveHealth, type LiveConnectionState, type LiveEvent } from "@/lib/client/live/use-live-health";

export interface AccountStreamState {
  connection: LiveConnectionState;
  /** when the server was last heard from (ms), null before the first message */
  lastMessageAt: number | null;
}

interface AccountStreamProps {
  onChange?: (state: AccountStreamState) => void;
  /** ids of the account events a change added, updated or removed; after a reconnect's snapshot, null (anything may have) */
  onAccountEvents?: (ids: string[] | null) => void;
}

function changedAccountEventIds(event: LiveEvent): string[] | null {
  if (event.type === "snapshot") return null;
  const { accountEvents = [], removedAccountEventIds = [] } = event.change;
  return [...accountEvents.map((accountEvent) => accountEvent.id), ...removedAccountEventIds];
}

/**
 * Keeps the page's unscoped live stream open; the stream feeds the open-events SWR key the panels and the security
 * banner read, and tells pages with other keys (the log, one event) when to refresh. Renders nothing; loaded after
 * hydration so the stream's code is not in the first load.
 */
export function AccountStream({ onChange, onAccountEvents }: AccountStreamProps) {
  // The first snapshot carries what the server just rendered; only later ones (after a reconnect) may hold news.
  const hasSnapshotRef = useRef(false);
  const { connection, lastMessageAt } = useLiveHealth(EMPTY_LIVE_SCOPE, {
    onEvent: (event) => {
      if (event.type === "snapshot" && !hasSnapshotRef.current) {
        hasSnapshotRef.current = true;
        return;
      }
      const ids = changedAccountEventIds(event);
      if (ids === null || ids.length > 0) onAccountEvents?.(ids);
    },
  });
  useEffect(() => onChange?.({ connection, lastMessageAt }), [connection, lastMessageAt, onChange]);
  return null;
}
