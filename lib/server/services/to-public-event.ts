import type { AccountImpact, PublicEvent } from "@/lib/shared/public-status-contract";
import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";

export const toIsoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString();

export function toPublicEvent(event: StoredPublicEvent, catalog: Catalog, accountImpact: AccountImpact | null = null): PublicEvent {
  return {
    id: event.id,
    arn: event.arn,
    key: event.key,
    service: event.service,
    region: event.region,
    name: catalog.nameOf(event.key),
    status: event.status,
    summary: event.summary,
    resolved: event.resolved,
    startedAt: toIsoSeconds(event.startedAt),
    endedAt: event.endedAt === null ? null : toIsoSeconds(event.endedAt),
    updates: event.updates.map((update) => ({
      at: toIsoSeconds(update.at),
      status: update.status,
      summary: update.summary,
      message: update.message,
    })),
    impactedServices: event.impacted.map((impacted) => {
      const split = catalog.splitServiceKey(impacted.key);
      return {
        key: impacted.key,
        service: split.service,
        region: split.region,
        name: impacted.name || catalog.nameOf(impacted.key),
        status: impacted.status,
        maxStatus: impacted.maxStatus,
      };
    }),
    accountImpact,
  };
}

/** True when the event's own service or any service it impacts passes `matches`. */
export function eventTouches(
  event: StoredPublicEvent,
  catalog: Catalog,
  matches: (item: { service: string; region: string | null }) => boolean,
): boolean {
  if (matches({ service: event.service, region: event.region })) return true;
  return event.impacted.some((impacted) => matches(catalog.splitServiceKey(impacted.key)));
}
