import type { HealthCallContext } from "@/lib/server/sources/account-health/call-health";
import type { SdkEvent } from "@/lib/server/sources/account-health/health-sdk-schemas";
import type { EventSyncStamp } from "@/lib/server/domain/account-sync-state";
import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";

/** What one target's cycle reports besides the call counts. */
export interface SyncTally {
  changedEvents: number;
  storedEvents: number;
  storedEntities: number;
  /** per-item failures (failedSet) and items too malformed to keep */
  failedItems: number;
  droppedItems: number;
  firstFailure: string | null;
}

export interface TargetSyncContext extends HealthCallContext {
  sink: AccountHealthSink;
  /** the account whose credentials are used (the management or delegated admin account in org view) */
  accountId: string;
  /** "account:<id>" or "org:<id>": cursors and stamps are kept per view */
  targetKey: string;
  now: () => number;
  /** how far before the last cycle start an incremental listing reaches back (skew, eventual consistency) */
  overlapMs: number;
  tally: SyncTally;
}

/** An event a listing returned that is new or changed since it was last synced. */
export interface ChangedEvent {
  arn: string;
  listed: SdkEvent;
  previous: EventSyncStamp | null;
}

export function createSyncTally(): SyncTally {
  return { changedEvents: 0, storedEvents: 0, storedEntities: 0, failedItems: 0, droppedItems: 0, firstFailure: null };
}

export function noteFailure(tally: SyncTally, count: number, description: string | null): void {
  if (count <= 0) return;
  tally.failedItems += count;
  tally.firstFailure ??= description;
}

export function stampOf(event: SdkEvent, isComplete: boolean): EventSyncStamp {
  return { lastUpdatedTime: event.lastUpdatedTime, status: event.statusCode ?? "", isComplete };
}

/** Changed = never synced, a different lastUpdatedTime or status, or (on sweeps) an earlier per-item failure. */
export function isEventChanged(previous: EventSyncStamp | null, event: SdkEvent, isSweep: boolean): boolean {
  if (!previous) return true;
  if (previous.lastUpdatedTime !== event.lastUpdatedTime || previous.status !== (event.statusCode ?? "")) return true;
  return isSweep && !previous.isComplete;
}
