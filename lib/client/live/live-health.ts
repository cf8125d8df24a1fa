import type { StatusResponse } from "@/lib/shared/public-status-contract";
import type { LiveAccount } from "@/lib/client/live/live-model";

/** What a page knows of its live stream. Types and the initial value only: pages import it without the stream's code. */
export type LiveConnectionState = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveHealth {
  status: StatusResponse | null;
  account: LiveAccount | null;
  connection: LiveConnectionState;
  lastMessageAt: number | null;
  version: number | null;
  buildId: string | null;
}

export const INITIAL_LIVE_HEALTH: LiveHealth = { status: null, account: null, connection: "connecting", lastMessageAt: null, version: null, buildId: null };
