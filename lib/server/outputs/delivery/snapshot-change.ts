import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { NotificationChange } from "@/lib/server/outputs/notification-change";
import { labelAccount, type AccountNames } from "@/lib/server/outputs/rules/account-names";
import type { NotificationFacts } from "@/lib/server/outputs/rules/read-notification-facts";
import { correlateAccountEvents, type AccountCorrelation } from "@/lib/server/services/correlate-account-events";
import { toPublicEvent } from "@/lib/server/services/to-public-event";
import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import type { StoreRepos } from "@/lib/server/store/contract/store-contract";
import type { JournalEntry } from "@/lib/server/store/contract/journal-contract";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";

const SAMPLE_RESOURCES = 10;
/** As the board: the open account events a public event may touch (bounded). */
const OPEN_ACCOUNT_EVENTS = { categories: [], statuses: ["open"], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 5000 } as const;

export interface SnapshotDeps {
  getCatalog: () => Catalog;
  publicUrl: string | null;
  /** HEALTHDECK_ACCOUNT_NAMES: shown beside the ids */
  accountNames?: AccountNames;
}

type ChangeBase = Pick<NotificationChange, "kind" | "source" | "journalId" | "at" | "eventId" | "isSecurity">;

const linkTo = (publicUrl: string | null, path: string) => (publicUrl ? `${publicUrl}${path}` : null);

/** What one transaction's snapshots share: the open account events are read once, however many public events changed. */
export interface SnapshotCache {
  correlation?: Promise<AccountCorrelation>;
}

/** Which of your accounts' open events the public event touches, as the board shows it (null when none). */
async function readAccountImpact(stored: StoredPublicEvent, tx: StoreRepos, cache: SnapshotCache) {
  cache.correlation ??= tx.accountEvents.listEvents(OPEN_ACCOUNT_EVENTS).then((open) =>
    correlateAccountEvents(open, async (eventId, limit) =>
      (await tx.accountEvents.listEntities(eventId, { offset: 0, limit, search: null, statuses: [], sort: "status", descending: false })).entities.map((entity) => entity.entityValue),
    ),
  );
  const correlation = await cache.correlation;
  await correlation.loadSamples([stored]);
  return correlation.impactOf(stored);
}

/** An account event as every channel renders it (also the reminders job's). */
export async function snapshotAccountEvent(
  event: AccountEvent,
  base: ChangeBase,
  tx: StoreRepos,
  deps: SnapshotDeps,
): Promise<{ change: NotificationChange; lastChangedAt: number }> {
  const page = await tx.accountEvents.listEntities(event.id, { offset: 0, limit: SAMPLE_RESOURCES, search: null, statuses: [], sort: "entity", descending: false });
  const lastChanged = Date.parse(event.lastUpdatedTime ?? event.startTime ?? "");
  return {
    lastChangedAt: Number.isNaN(lastChanged) ? Date.parse(base.at) : lastChanged,
    change: {
      ...base,
      title: event.eventTypeCode,
      service: event.service,
      region: event.region,
      status: event.status,
      eventTypeCode: event.eventTypeCode,
      accounts: event.accountId ? [labelAccount(event.accountId, deps.accountNames ?? {})] : [],
      resources: { sample: page.entities.map((entity) => entity.entityValue), total: Math.max(page.total, event.entityCounts.total) },
      startedAt: event.startTime,
      endedAt: event.endTime,
      latestUpdate: event.description || null,
      link: linkTo(deps.publicUrl, `/account/events?event=${encodeURIComponent(event.id)}`),
      event,
    },
  };
}

/** The event as it stands in this transaction, with when it last changed (epoch ms); null when it is gone. */
export async function snapshotChange(
  entry: JournalEntry,
  facts: NotificationFacts,
  tx: StoreRepos,
  deps: SnapshotDeps,
  cache: SnapshotCache = {},
): Promise<{ change: NotificationChange; lastChangedAt: number } | null> {
  const base: ChangeBase = { kind: facts.kind, source: facts.source, journalId: entry.id, at: new Date(entry.at).toISOString(), eventId: facts.eventId, isSecurity: facts.isSecurity };
  if (facts.source === "public") {
    const stored = (await tx.events.listForKey(entry.subject.key ?? "")).find((event) => event.id === facts.eventId);
    if (!stored) return null;
    const event = toPublicEvent(stored, deps.getCatalog(), await readAccountImpact(stored, tx, cache));
    const latest = event.updates.at(-1);
    const touched = [...new Set((event.accountImpact?.events ?? []).flatMap((impact) => (impact.accountId ? [impact.accountId] : [])))];
    return {
      lastChangedAt: stored.lastUpdateAt * 1000,
      change: {
        ...base,
        title: `${event.name}: ${event.summary}`,
        service: event.service,
        region: event.region,
        status: event.resolved ? "resolved" : event.status,
        eventTypeCode: facts.eventTypeCode,
        accounts: touched.map((accountId) => labelAccount(accountId, deps.accountNames ?? {})),
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
  return snapshotAccountEvent(event, base, tx, deps);
}
