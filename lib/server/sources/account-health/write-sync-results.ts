import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { TargetSyncContext } from "@/lib/server/sources/account-health/sync-context";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import type { EventSyncStamp } from "@/lib/server/domain/account-sync-state";

/** Hands events over for storing in one transaction. */
export async function writeEventRecords(context: TargetSyncContext, records: readonly AccountEventRecord[]): Promise<void> {
  if (records.length === 0) return;
  await context.sink.saveEvents(records, context.now());
  context.tally.storedEvents += records.length;
}

export async function writeEventStamps(context: TargetSyncContext, stamps: readonly { arn: string; stamp: EventSyncStamp }[]): Promise<void> {
  await context.sink.saveEventStamps(context.targetKey, stamps, context.now());
}

/**
 * Collects entities per event and writes them a few thousand at a time: one transaction (and one
 * change notice) per flush instead of one per page. Writes queue behind each other while pages keep
 * arriving; `flush()` writes the rest and waits for all of them (and reports their failure).
 */
export function createEntityBuffer(context: TargetSyncContext, flushAt = 2000) {
  const pending = new Map<string, AffectedEntityRecord[]>();
  const eventIds = new Map<string, string>();
  let size = 0;
  let writes: Promise<void> = Promise.resolve();
  const startWrite = (stamps: readonly { arn: string; stamp: EventSyncStamp }[] = []) => {
    if (size === 0 && stamps.length === 0) return;
    const groups = [...pending.entries()];
    pending.clear();
    size = 0;
    const done = stamps.length > 0 ? { targetKey: context.targetKey, stamps, nowMs: context.now() } : undefined;
    writes = writes.then(() => context.sink.saveEntities(groups, done));
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
      if (size >= flushAt) startWrite();
    },
    /** Writes the rest, with the stamps of the events now complete in the same transaction, and waits for it all. */
    async flush(stamps: readonly { arn: string; stamp: EventSyncStamp }[] = []): Promise<void> {
      startWrite(stamps);
      await writes;
    },
  };
}
