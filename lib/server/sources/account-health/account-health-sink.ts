import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { AccountSourceCondition, EventSyncStamp, TargetSyncState } from "@/lib/server/domain/account-sync-state";

export interface CycleRecord {
  state: "ok" | "error" | "unavailable" | "disabled";
  finishedAt: number;
  /** the note of a successful cycle (partial failures), or the failure */
  error: string | null;
  reason: string;
  /** a lasting condition (no support plan, access denied) to show and wait out, or null to clear it */
  condition: AccountSourceCondition | null;
}

/**
 * What the Health API source reads of its own bookkeeping and hands over for storing. The source never
 * sees the store: the poller injects this, and commits each call in one (leader-fenced) transaction.
 */
export interface AccountHealthSink {
  getTarget(targetKey: string): Promise<TargetSyncState>;
  /** Stamps by ARN (absent: never synced). */
  getEventStamps(targetKey: string, arns: readonly string[]): Promise<Map<string, EventSyncStamp>>;
  getOrgStatus(accountId: string): Promise<{ status: string; checkedAt: number } | null>;
  getCondition(): Promise<AccountSourceCondition | null>;
  saveEvents(records: readonly AccountEventRecord[], nowMs: number): Promise<void>;
  /** Entities by event, and (when given) the stamps of the events they complete, in one transaction. */
  saveEntities(
    groups: readonly (readonly [eventId: string, entities: readonly AffectedEntityRecord[]])[],
    stamps?: { targetKey: string; stamps: readonly { arn: string; stamp: EventSyncStamp }[]; nowMs: number },
  ): Promise<void>;
  saveEventStamps(targetKey: string, stamps: readonly { arn: string; stamp: EventSyncStamp }[], nowMs: number): Promise<void>;
  saveTarget(targetKey: string, state: TargetSyncState): Promise<void>;
  saveOrgStatus(accountId: string, status: string, checkedAt: number): Promise<void>;
  recordAttempt(at: number): Promise<void>;
  recordCycle(cycle: CycleRecord): Promise<void>;
}
