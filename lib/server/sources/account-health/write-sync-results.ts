import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { TargetSyncContext } from "@/lib/server/sources/account-health/sync-context";
import { deriveAccountEventId } from "@/lib/server/store/account-events-repo";
import type { EventSyncStamp } from "@/lib/server/store/account-sync-state-repo";

/** Upserts events in one transaction. */
export function writeEventRecords(context: TargetSyncContext, records: readonly AccountEventRecord[]): void {
  if (records.length === 0) return;
  const nowMs = context.now();
  context.store.write(() => {
    for (const record of records) context.store.accountEvents.upsertEvent(record, nowMs);
  });
  context.tally.storedEvents += records.length;
}

export function writeEventStamps(context: TargetSyncContext, stamps: readonly { arn: string; stamp: EventSyncStamp }[]): void {
  if (stamps.length === 0) return;
  const nowMs = context.now();
  context.store.write(() => {
    for (const { arn, stamp } of stamps) context.store.accountSync.saveEventStamp(context.targetKey, arn, stamp, nowMs);
  });
}

/**
 * Collects entities per event and writes them a few thousand at a time: one transaction (and one
 * change notice) per flush instead of one per page.
 */
export function createEntityBuffer(context: TargetSyncContext, flushAt = 2000) {
  const pending = new Map<string, AffectedEntityRecord[]>();
  const eventIds = new Map<string, string>();
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const groups = [...pending.entries()];
    pending.clear();
    size = 0;
    context.store.write(() => {
      for (const [eventId, entities] of groups) context.store.accountEvents.upsertEntities(eventId, entities);
    });
  };
  return {
    add(accountId: string | null, entity: AffectedEntityRecord): void {
      const key = `${accountId ?? ""}|${entity.eventArn}`;
      let eventId = eventIds.get(key);
      if (eventId === undefined) {
        eventId = deriveAccountEventId(entity.eventArn, accountId);
        eventIds.set(key, eventId);
      }
      const group = pending.get(eventId);
      if (group) group.push(entity);
      else pending.set(eventId, [entity]);
      size += 1;
      context.tally.storedEntities += 1;
      if (size >= flushAt) flush();
    },
    flush,
  };
}
