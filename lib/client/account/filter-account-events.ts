import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { AccountEventsQuery } from "@/lib/shared/account-query";
import { compareByLastUpdate } from "@/lib/client/account/account-panels";
import type { LogSort } from "@/lib/client/account/account-log-url";
import { compareText } from "@/lib/shared/compare-services";

const timeOf = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/**
 * The same filter the server applies to /api/v1/account/events (see account-events-repo listEvents), so the log can
 * filter instantly in the browser and a shared URL shows the same rows without JavaScript.
 */
export function filterAccountEvents(events: readonly AccountEvent[], query: AccountEventsQuery): AccountEvent[] {
  const services = new Set(query.services.map((service) => service.toUpperCase()));
  const from = query.from === null ? null : Date.parse(query.from);
  const to = query.to === null ? null : Date.parse(query.to);
  const needle = query.q === null ? null : query.q.toLowerCase();
  return events.filter((event) => {
    if (query.categories.length > 0 && !query.categories.includes(event.category)) return false;
    if (query.statuses.length > 0 && !query.statuses.includes(event.status)) return false;
    if (query.regions.length > 0 && (event.region === null || !query.regions.includes(event.region))) return false;
    if (services.size > 0 && !services.has(event.service.toUpperCase())) return false;
    if (query.accounts.length > 0 && (event.accountId === null || !query.accounts.includes(event.accountId))) return false;
    if (query.types.length > 0 && !query.types.includes(event.eventTypeCode)) return false;
    const end = timeOf(event.endTime);
    if (from !== null && end !== null && end < from) return false;
    const start = timeOf(event.startTime);
    if (to !== null && start !== null && start > to) return false;
    if (needle !== null) {
      const haystacks = [event.description, event.eventTypeCode, event.arn, event.service];
      if (!haystacks.some((text) => text.toLowerCase().includes(needle))) return false;
    }
    return true;
  });
}

function compareByStartTime(a: AccountEvent, b: AccountEvent): number {
  const at = timeOf(a.startTime) ?? -Infinity;
  const bt = timeOf(b.startTime) ?? -Infinity;
  return at === bt ? compareText(a.id, b.id) : at < bt ? -1 : 1;
}

export function sortAccountEvents(events: readonly AccountEvent[], sort: LogSort): AccountEvent[] {
  switch (sort) {
    case "updated-desc":
      return events.toSorted(compareByLastUpdate);
    case "updated-asc":
      return events.toSorted((a, b) => compareByLastUpdate(b, a));
    case "start-desc":
      return events.toSorted((a, b) => compareByStartTime(b, a));
    case "start-asc":
      return events.toSorted(compareByStartTime);
  }
}

/** Count of events per value of one field, most frequent first. */
export function countBy(events: readonly AccountEvent[], read: (event: AccountEvent) => string | null): [string, number][] {
  const counts = new Map<string, number>();
  for (const event of events) {
    const value = read(event);
    if (value !== null && value !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
}
