import { HEALTH_CALLS_IN_FLIGHT } from "@/lib/server/sources/account-health/call-health";
import { describeFailedItem } from "@/lib/server/sources/account-health/describe-failed-item";
import { fetchAffectedEntities } from "@/lib/server/sources/account-health/fetch-affected-entities";
import { fetchEntityCounts, fetchEventDetails } from "@/lib/server/sources/account-health/fetch-event-details";
import { toAccountEventRecord, toAffectedEntityRecord } from "@/lib/server/sources/account-health/normalise-health-records";
import { chunk, HEALTH_LIMITS, packEntityBatches } from "@/lib/server/sources/account-health/plan-batches";
import { runInPool } from "@/lib/server/sources/account-health/run-in-pool";
import { noteFailure, stampOf, type ChangedEvent, type TargetSyncContext } from "@/lib/server/sources/account-health/sync-context";
import { createEntityBuffer, writeEventRecords, writeEventStamps } from "@/lib/server/sources/account-health/write-sync-results";
import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";

interface EntityBatch {
  arns: string[];
  /** only entities updated since (epoch ms); null = all of them */
  sinceMs: number | null;
}

/** Details for every changed event in full batches of 10 (across listing pages), stored as they arrive. */
async function syncDetails(context: TargetSyncContext, changed: readonly ChangedEvent[]): Promise<Set<string>> {
  const detailed = new Set<string>();
  await runInPool(chunk(changed, HEALTH_LIMITS.arnsPerDetailsCall), HEALTH_CALLS_IN_FLIGHT, async (batch) => {
    const result = await fetchEventDetails(context, batch.map((event) => event.arn));
    context.tally.droppedItems += result.dropped;
    noteFailure(context.tally, result.failed.length, describeFailedItem(result.failed[0]));
    const records: AccountEventRecord[] = [];
    for (const event of batch) {
      const details = result.details.get(event.arn) ?? null;
      if (details) detailed.add(event.arn);
      const record = toAccountEventRecord(event.listed, details, context.accountId);
      if (record) records.push(record);
    }
    await writeEventRecords(context, records);
  });
  return detailed;
}

/**
 * New events: when there are more than one call's worth, DescribeEntityAggregates (50 ARNs a call)
 * says which have no entities at all and lets the batches be packed into full pages. Events synced
 * before only fetch the entities updated after their previous version.
 */
async function planEntityBatches(context: TargetSyncContext, changed: readonly ChangedEvent[]): Promise<{ batches: EntityBatch[]; skipped: string[] }> {
  const fresh = changed.filter((event) => event.previous === null).map((event) => event.arn);
  const known = changed.filter((event) => event.previous !== null);
  const batches: EntityBatch[] = [];
  let skipped: string[] = [];
  if (fresh.length > HEALTH_LIMITS.arnsPerEntitiesCall) {
    const counts = new Map<string, number>();
    await runInPool(chunk(fresh, HEALTH_LIMITS.arnsPerAggregatesCall), HEALTH_CALLS_IN_FLIGHT, async (group) => {
      for (const [arn, count] of await fetchEntityCounts(context, group)) counts.set(arn, count);
    });
    const plan = packEntityBatches(fresh.map((arn) => ({ arn, count: counts.get(arn) ?? null })));
    batches.push(...plan.batches.map((arns) => ({ arns, sinceMs: null })));
    skipped = plan.skipped;
  } else {
    batches.push(...chunk(fresh, HEALTH_LIMITS.arnsPerEntitiesCall).map((arns) => ({ arns, sinceMs: null })));
  }
  const since = (event: ChangedEvent) => event.previous?.lastUpdatedTime ?? null;
  const ordered = [...known].sort((a, b) => (since(a) ?? -Infinity) - (since(b) ?? -Infinity));
  for (const group of chunk(ordered, HEALTH_LIMITS.arnsPerEntitiesCall)) {
    const times = group.map(since);
    // Strictly after the version synced before: what was updated with or before it is stored already.
    const sinceMs = times.some((time) => time === null) ? null : Math.min(...(times as number[])) + 1;
    batches.push({ arns: group.map((event) => event.arn), sinceMs });
  }
  return { batches, skipped };
}

/** Account view: details, entities and counts for the changed events; stamps are saved once an event is done. */
export async function syncAccountEvents(context: TargetSyncContext, changed: readonly ChangedEvent[]): Promise<void> {
  if (changed.length === 0) return;
  const byArn = new Map(changed.map((event) => [event.arn, event]));
  const detailed = await syncDetails(context, changed);
  const stampFor = (arn: string) => {
    const event = byArn.get(arn);
    return event ? [{ arn, stamp: stampOf(event.listed, detailed.has(arn)) }] : [];
  };

  const plan = await planEntityBatches(context, changed);
  await writeEventStamps(context, plan.skipped.flatMap(stampFor));
  await runInPool(plan.batches, HEALTH_CALLS_IN_FLIGHT, async (batch) => {
    const buffer = createEntityBuffer(context);
    const onlyArn = batch.arns.length === 1 ? (batch.arns[0] ?? null) : null;
    await fetchAffectedEntities(context, batch.arns, batch.sinceMs, (entities, dropped) => {
      context.tally.droppedItems += dropped;
      for (const entity of entities) {
        const record = toAffectedEntityRecord(entity, onlyArn, context.accountId);
        if (record && byArn.has(record.eventArn)) buffer.add(context.accountId, record);
        else context.tally.droppedItems += 1;
      }
    });
    await buffer.flush(batch.arns.flatMap(stampFor));
  });
}
