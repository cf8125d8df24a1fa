import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { HEALTH_CALLS_IN_FLIGHT } from "@/lib/server/sources/account-health/call-health";
import { describeFailedItem } from "@/lib/server/sources/account-health/describe-failed-item";
import { fetchAffectedAccounts, fetchOrgAffectedEntities, fetchOrgEventDetails, type OrgEventPair } from "@/lib/server/sources/account-health/fetch-organization-data";
import type { SdkEventDetails, SdkFailedItem } from "@/lib/server/sources/account-health/health-sdk-schemas";
import { toAccountEventRecord, toAffectedEntityRecord } from "@/lib/server/sources/account-health/normalise-health-records";
import { chunk, HEALTH_LIMITS } from "@/lib/server/sources/account-health/plan-batches";
import { runInPool } from "@/lib/server/sources/account-health/run-in-pool";
import { noteFailure, stampOf, type ChangedEvent, type TargetSyncContext } from "@/lib/server/sources/account-health/sync-context";
import { createEntityBuffer, writeEventRecords, writeEventStamps } from "@/lib/server/sources/account-health/write-sync-results";

const pairKey = (arn: string, accountId: string | null) => `${accountId ?? ""}|${arn}`;

/** PUBLIC events have no affected accounts (the API answers an empty list), so no call is made for them. */
async function listPairs(context: TargetSyncContext, event: ChangedEvent): Promise<OrgEventPair[]> {
  if (event.listed.eventScopeCode === "PUBLIC") return [{ arn: event.arn, accountId: null }];
  const { accounts, scope } = await fetchAffectedAccounts(context, event.arn);
  if (scope === "PUBLIC") return [{ arn: event.arn, accountId: null }];
  return accounts.map((accountId) => ({ arn: event.arn, accountId }));
}

function noteFailedItems(context: TargetSyncContext, failed: readonly SdkFailedItem[], dropped: number): void {
  context.tally.droppedItems += dropped;
  noteFailure(context.tally, failed.length, describeFailedItem(failed[0]));
}

/** Details for (event, account) pairs, ≤10 filters a call; a PUBLIC event's record belongs to the calling account. */
async function syncOrgDetails(context: TargetSyncContext, pairs: readonly OrgEventPair[], byArn: Map<string, ChangedEvent>): Promise<Set<string>> {
  const detailed = new Set<string>();
  await runInPool(chunk(pairs, HEALTH_LIMITS.filtersPerOrgCall), HEALTH_CALLS_IN_FLIGHT, async (batch) => {
    const result = await fetchOrgEventDetails(context, batch);
    noteFailedItems(context, result.failed, result.dropped);
    const found = new Map<string, SdkEventDetails>();
    for (const item of result.successful) {
      const arn = item.event?.arn;
      if (!arn) continue;
      found.set(pairKey(arn, item.awsAccountId), item);
      if (!found.has(pairKey(arn, null))) found.set(pairKey(arn, null), item);
    }
    const records: AccountEventRecord[] = [];
    for (const pair of batch) {
      const listed = byArn.get(pair.arn)?.listed;
      if (!listed) continue;
      const details = found.get(pairKey(pair.arn, pair.accountId)) ?? null;
      if (details) detailed.add(pairKey(pair.arn, pair.accountId));
      const record = toAccountEventRecord(listed, details, pair.accountId ?? context.accountId);
      if (record) records.push(record);
    }
    await writeEventRecords(context, records);
  });
  return detailed;
}

/**
 * Org view: affected accounts per event, then details and entities per (event, account) with
 * ≤10 filters a call. Events are stored once per affected account; failedSet items (accounts
 * without a support plan) are recorded and retried on sweeps.
 */
export async function syncOrganizationEvents(context: TargetSyncContext, changed: readonly ChangedEvent[]): Promise<void> {
  if (changed.length === 0) return;
  const byArn = new Map(changed.map((event) => [event.arn, event]));
  const pairsByArn = new Map<string, OrgEventPair[]>();
  await runInPool(changed, HEALTH_CALLS_IN_FLIGHT, async (event) => {
    pairsByArn.set(event.arn, await listPairs(context, event));
  });
  const pairs = changed.flatMap((event) => pairsByArn.get(event.arn) ?? []);
  const emptyArns = changed.filter((event) => (pairsByArn.get(event.arn) ?? []).length === 0).map((event) => event.arn);
  const detailed = await syncOrgDetails(context, pairs, byArn);
  const undetailedArns = new Set(pairs.filter((pair) => !detailed.has(pairKey(pair.arn, pair.accountId))).map((pair) => pair.arn));
  const stampsFor = (arns: Iterable<string>) =>
    [...arns].flatMap((arn) => {
      const event = byArn.get(arn);
      return event ? [{ arn, stamp: stampOf(event.listed, !undetailedArns.has(arn)) }] : [];
    });
  await writeEventStamps(context, stampsFor(emptyArns));

  const batches = chunk(pairs, HEALTH_LIMITS.filtersPerOrgCall);
  const remaining = new Map<string, number>();
  for (const batch of batches) for (const arn of new Set(batch.map((pair) => pair.arn))) remaining.set(arn, (remaining.get(arn) ?? 0) + 1);
  await runInPool(batches, HEALTH_CALLS_IN_FLIGHT, async (batch) => {
    const buffer = createEntityBuffer(context);
    const accountsOf = (arn: string) => batch.filter((pair) => pair.arn === arn).map((pair) => pair.accountId);
    const onlyArn = new Set(batch.map((pair) => pair.arn)).size === 1 ? (batch[0]?.arn ?? null) : null;
    let failedSeen = false;
    await fetchOrgAffectedEntities(context, batch, (entities, failed, dropped) => {
      // The failedSet repeats on every page; count it once per batch.
      noteFailedItems(context, failedSeen ? [] : failed, dropped);
      failedSeen = true;
      for (const entity of entities) {
        const record = toAffectedEntityRecord(entity, onlyArn, null);
        const accounts = record ? accountsOf(record.eventArn) : [];
        if (!record || accounts.length === 0) {
          context.tally.droppedItems += 1;
          continue;
        }
        const eventAccount = accounts.includes(null) ? context.accountId : record.accountId && accounts.includes(record.accountId) ? record.accountId : (accounts[0] ?? null);
        buffer.add(eventAccount, { ...record, accountId: record.accountId ?? eventAccount });
      }
    });
    const done: string[] = [];
    for (const arn of new Set(batch.map((pair) => pair.arn))) {
      const left = (remaining.get(arn) ?? 1) - 1;
      remaining.set(arn, left);
      if (left === 0) done.push(arn);
    }
    await buffer.flush(stampsFor(done));
  });
}
