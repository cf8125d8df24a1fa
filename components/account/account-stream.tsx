"use client";

import { useEffect } from "react";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";
import { useLiveHealth, type LiveConnectionState } from "@/lib/client/live/use-live-health";

export interface AccountStreamState {
  connection: LiveConnectionState;
  /** when the server was last heard from (ms), null before the first message */
  lastMessageAt: number | null;
}

/**
 * Keeps the page's unscoped live stream open; the stream feeds the open-events SWR key the panels and the security
 * banner read. Renders nothing; loaded after hydration so the stream's code is not in the first load.
 */
export function AccountStream({ onChange }: { onChange: (state: AccountStreamState) => void }) {
  const { connection, lastMessageAt } = useLiveHealth(EMPTY_LIVE_SCOPE);
  useEffect(() => onChange({ connection, lastMessageAt }), [connection, lastMessageAt, onChange]);
  return null;
}
