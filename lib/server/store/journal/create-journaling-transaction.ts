import type { NewJournalEntry } from "@/lib/server/store/contract/journal-contract";
import type { OutboxRouter, StoreRepos } from "@/lib/server/store/contract/store-contract";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";
import { deriveAccountEventChange, deriveEntitiesChange } from "@/lib/server/store/journal/derive-account-changes";
import { derivePublicEventChanges, deriveServiceStatusChanges, type SplitServiceKey } from "@/lib/server/store/journal/derive-public-changes";
import { deriveConditionChange, deriveSourceStateChange } from "@/lib/server/store/journal/derive-source-changes";

/**
 * Wraps one transaction's repositories so that every write a user would see also records what changed:
 * the entries are appended by `finish()` inside the same transaction, so the journal and the data never
 * disagree. Callers write exactly as before; nobody can forget the journal.
 */
export function createJournalingTransaction(raw: StoreRepos, deps: { now: () => number; splitKey: SplitServiceKey; routeToOutbox?: OutboxRouter | null }) {
  const entries: NewJournalEntry[] = [];
  let openBefore: StoredPublicEvent[] | null = null;
  const push = (entry: NewJournalEntry | null) => {
    if (entry) entries.push(entry);
  };

  const tx: StoreRepos = {
    ...raw,
    sources: {
      ...raw.sources,
      async recordSuccess(id, at, note) {
        const before = await raw.sources.get(id);
        await raw.sources.recordSuccess(id, at, note);
        push(deriveSourceStateChange(id, before, await raw.sources.get(id), at));
      },
      async recordFailure(id, at, error) {
        const before = await raw.sources.get(id);
        await raw.sources.recordFailure(id, at, error);
        push(deriveSourceStateChange(id, before, await raw.sources.get(id), at));
      },
    },
    accountSync: {
      ...raw.accountSync,
      async setCondition(condition) {
        const before = await raw.accountSync.getCondition();
        await raw.accountSync.setCondition(condition);
        push(deriveConditionChange(before, condition, deps.now()));
      },
    },
    events: {
      ...raw.events,
      async replaceForKey(key, split, events) {
        openBefore ??= await raw.events.listOpen();
        const before = await raw.events.listForKey(key);
        await raw.events.replaceForKey(key, split, events);
        entries.push(...derivePublicEventChanges(before, events, split, deps.now()));
      },
    },
    accountEvents: {
      ...raw.accountEvents,
      async upsertEvent(record, nowMs) {
        const outcome = await raw.accountEvents.upsertEvent(record, nowMs);
        if (outcome.after) push(deriveAccountEventChange(outcome.before, outcome.after, nowMs));
        return outcome;
      },
      async upsertEvents(records, nowMs) {
        const outcomes = await raw.accountEvents.upsertEvents(records, nowMs);
        for (const outcome of outcomes) if (outcome.after) push(deriveAccountEventChange(outcome.before, outcome.after, nowMs));
        return outcomes;
      },
      async upsertEntities(eventId, list) {
        const before = await raw.accountEvents.getById(eventId);
        const changed = await raw.accountEvents.upsertEntities(eventId, list);
        if (changed > 0 && before) {
          const after = await raw.accountEvents.getById(eventId);
          if (after) push(deriveEntitiesChange(after, before.entityCounts, after.entityCounts, changed, deps.now()));
        }
        return changed;
      },
      async setEntityCounts(eventId, counts) {
        const before = await raw.accountEvents.getById(eventId);
        await raw.accountEvents.setEntityCounts(eventId, counts);
        if (before) push(deriveEntitiesChange(before, before.entityCounts, counts, 0, deps.now()));
      },
    },
  };

  return {
    tx,
    /**
     * Appends what the transaction changed, then the notifications it calls for (outbox rows, keyed by journal id);
     * returns how many entries. Call once, last, inside the transaction.
     */
    async finish(): Promise<number> {
      if (openBefore !== null) entries.push(...deriveServiceStatusChanges(openBefore, await raw.events.listOpen(), deps.splitKey, deps.now()));
      if (entries.length === 0) return 0;
      const ids = await raw.journal.append(entries);
      if (deps.routeToOutbox) {
        const appended = entries.map((entry, index) => ({ ...entry, id: ids[index] ?? 0 }));
        const deliveries = await deps.routeToOutbox(appended, raw);
        if (deliveries.length > 0) await raw.outbox.enqueue(deliveries);
      }
      return entries.length;
    },
  };
}
