import type { ChangesQuery, ChangesResponse } from "@/lib/shared/changes-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

/**
 * One page of the journal after `query.after`. `nextAfter` is where the next call resumes: the last change
 * returned when the page is full, else the newest id scanned, so filtered-out entries are never scanned again.
 * The newest id is read first: ids become visible in id order, so nothing at or below it can still appear.
 */
export async function listChanges(store: Pick<HealthdeckStore, "journal">, query: ChangesQuery): Promise<ChangesResponse> {
  const latest = await store.journal.latestId();
  const filter = { regions: query.regions, services: query.services, accounts: query.accounts, categories: query.categories };
  const entries = (await store.journal.read(query.after, query.limit, filter)).filter((entry) => entry.id <= latest);
  const last = entries.at(-1);
  const nextAfter = entries.length === query.limit && last ? last.id : Math.max(query.after, latest);
  return {
    changes: entries.map((entry) => ({ id: entry.id, at: new Date(entry.at).toISOString(), kind: entry.kind, subject: entry.subject, summary: entry.summary })),
    nextAfter,
  };
}
