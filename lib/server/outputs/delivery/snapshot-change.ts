import type { NotificationChange } from "@/lib/server/outputs/notification-change";
import type { NotificationFacts } from "@/lib/server/outputs/rules/read-notification-facts";
import { toPublicEvent } from "@/lib/server/services/to-public-event";
import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import type { StoreRepos } from "@/lib/server/store/contract/store-contract";
import type { JournalEntry } from "@/lib/server/store/contract/journal-contract";

const SAMPLE_RESOURCES = 10;

export interface SnapshotDeps {
  getCatalog: () => Catalog;
  publicUrl: string | null;
}

const linkTo = (publicUrl: string | null, path: string) => (publicUrl ? `${publicUrl}${path}` : null);

/** The event as it stands in this transaction, with when it last changed (epoch ms); null when it is gone. */
export async function snapshotChange(
  entry: JournalEntry,
  facts: NotificationFacts,
  tx: StoreRepos,
  deps: SnapshotDeps,
): Promise<{ change: NotificationChange; lastChangedAt: number } | null> {
  const base = { kind: facts.kind, source: facts.source, journalId: entry.id, at: new Date(entry.at).toISOString(), eventId: facts.eventId, isSecurity: facts.isSecurity };
  if (facts.source === "public") {
    const stored = (await tx.events.listForKey(entry.subject.key ?? "")).find((event) => event.id === facts.eventId);
    if (!stored) return null;
    const event = toPublicEvent(stored, deps.getCatalog());
    const latest = event.updates.at(-1);
    return {
      lastChangedAt: stored.lastUpdateAt * 1000,
      change: {
        ...base,
        title: `${event.name}: ${event.summary}`,
        service: event.service,
        region: event.region,
        status: event.resolved ? "resolved" : event.status,
        eventTypeCode: facts.eventTypeCode,
        accounts: [],
        resources: { sample: event.impactedServices.map((impacted) => `${impacted.name} (${impacted.status})`), total: event.impactedServices.length },
        startedAt: event.startedAt,
        endedAt: event.endedAt,
        latestUpdate: latest ? latest.message || latest.summary : null,
        link: linkTo(deps.publicUrl, `/events/${encodeURIComponent(event.id)}`),
        event,
      },
    };
  }
  const event = await tx.accountEvents.getById(facts.eventId);
  if (!event) return null;
  const page = await tx.accountEvents.listEntities(event.id, { offset: 0, limit: SAMPLE_RESOURCES, search: null, statuses: [], sort: "entity", descending: false });
  const lastChanged = Date.parse(event.lastUpdatedTime ?? event.startTime ?? "");
  return {
    lastChangedAt: Number.isNaN(lastChanged) ? entry.at : lastChanged,
    change: {
      ...base,
      title: event.eventTypeCode,
      service: event.service,
      region: event.region,
      status: event.status,
      eventTypeCode: event.eventTypeCode,
      accounts: event.accountId ? [event.accountId] : [],
      resources: { sample: page.entities.map((entity) => entity.entityValue), total: Math.max(page.total, event.entityCounts.total) },
      startedAt: event.startTime,
      endedAt: event.endTime,
      latestUpdate: event.description || null,
      link: linkTo(deps.publicUrl, `/account/events?event=${encodeURIComponent(event.id)}`),
      event,
    },
  };
}
