import { collectKeyStates } from "@/lib/server/domain/collect-key-states";
import type { AssembledEvent } from "@/lib/server/domain/public-status-records";
import type { NewJournalEntry } from "@/lib/server/store/contract/journal-contract";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";

export type SplitServiceKey = (key: string) => { service: string; region: string | null };

const cut = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function lastUpdateAt(event: AssembledEvent): number {
  return event.updates.reduce((max, update) => Math.max(max, update.at), event.startedAt);
}

/** Which fields changed ("status", "summary", "endedAt", "updates", "lastUpdateAt", "impacted"); empty when none. */
function listChangedFields(before: StoredPublicEvent, after: AssembledEvent): string[] {
  const changed: string[] = [];
  if (before.status !== after.status) changed.push("status");
  if (before.summary !== after.summary) changed.push("summary");
  if (before.endedAt !== after.endedAt) changed.push("endedAt");
  if (before.updates.length !== after.updates.length) changed.push("updates");
  if (before.lastUpdateAt !== lastUpdateAt(after)) changed.push("lastUpdateAt");
  if (JSON.stringify(before.impacted) !== JSON.stringify(after.impacted)) changed.push("impacted");
  return changed;
}

/** public.event.* entries for one key's events, before and after a rebuild. An event absorbed into another leaves no entry. */
export function derivePublicEventChanges(
  before: readonly StoredPublicEvent[],
  after: readonly AssembledEvent[],
  split: { service: string; region: string | null },
  at: number,
): NewJournalEntry[] {
  const previous = new Map(before.map((event) => [event.id, event]));
  const entries: NewJournalEntry[] = [];
  for (const event of after) {
    const old = previous.get(event.id);
    let kind: NewJournalEntry["kind"] | null;
    if (!old) kind = event.resolved ? "public.event.resolved" : "public.event.opened";
    else if (old.resolved && !event.resolved) kind = "public.event.reopened";
    else if (!old.resolved && event.resolved) kind = "public.event.resolved";
    else kind = listChangedFields(old, event).length > 0 ? "public.event.updated" : null;
    if (kind === null) continue;
    entries.push({
      at,
      kind,
      subject: { eventId: event.id, key: event.key, ...(event.arn ? { arn: event.arn } : {}) },
      summary: {
        statusBefore: old?.status ?? null,
        status: event.status,
        resolved: event.resolved,
        updates: event.updates.length,
        firstSeen: !old,
        summary: cut(event.summary),
        // notifications send only material updates
        changedFields: old ? listChangedFields(old, event).join(",") : null,
      },
      scope: { region: split.region, service: split.service, accountId: null, category: null },
    });
  }
  return entries;
}

/** public.service.status entries: every key whose status (worst of the open events touching it) changed. */
export function deriveServiceStatusChanges(
  openBefore: readonly StoredPublicEvent[],
  openAfter: readonly StoredPublicEvent[],
  splitKey: SplitServiceKey,
  at: number,
): NewJournalEntry[] {
  const before = collectKeyStates(openBefore);
  const after = collectKeyStates(openAfter);
  const entries: NewJournalEntry[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const from = before.get(key)?.status ?? "operational";
    const to = after.get(key)?.status ?? "operational";
    if (from === to) continue;
    const split = splitKey(key);
    entries.push({
      at,
      kind: "public.service.status",
      subject: { key },
      summary: { before: from, after: to },
      scope: { region: split.region, service: split.service, accountId: null, category: null },
    });
  }
  return entries;
}
