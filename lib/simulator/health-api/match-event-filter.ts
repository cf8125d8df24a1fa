import type { HealthEntity, HealthEvent } from "@/lib/simulator/account-world";
import type { EventFilterInput, OrganizationEventFilterInput } from "@/lib/simulator/health-api/health-api-inputs";

/** Whose data a call sees: one account (account view) or the organization, optionally narrowed to some accounts. */
export type HealthView = { kind: "account"; accountId: string } | { kind: "organization"; accountIds: ReadonlySet<string> | null };

export interface DateRange {
  from?: number;
  to?: number;
}

/** EventFilter and OrganizationEventFilter in one shape (the org filter's singular ranges become one-item lists). */
export interface EventCriteria {
  eventArns?: string[];
  eventTypeCodes?: string[];
  services?: string[];
  regions?: string[];
  availabilityZones?: string[];
  startTimes?: DateRange[];
  endTimes?: DateRange[];
  lastUpdatedTimes?: DateRange[];
  entityArns?: string[];
  entityValues?: string[];
  eventTypeCategories?: string[];
  eventStatusCodes?: string[];
  actionabilities?: string[];
  personas?: string[];
}

/** `tags` is ignored: "Currently, the tags property isn't supported." */
export function criteriaFromEventFilter(filter: EventFilterInput | undefined): EventCriteria {
  return filter ?? {};
}

export function criteriaFromOrganizationFilter(filter: OrganizationEventFilterInput | undefined): EventCriteria {
  if (!filter) return {};
  // awsAccountIds is applied through the view.
  const { startTime, endTime, lastUpdatedTime, ...rest } = filter;
  return {
    ...rest,
    startTimes: startTime ? [startTime] : undefined,
    endTimes: endTime ? [endTime] : undefined,
    lastUpdatedTimes: lastUpdatedTime ? [lastUpdatedTime] : undefined,
  };
}

export function isVisibleTo(event: HealthEvent, view: HealthView): boolean {
  if (view.kind === "account") {
    return event.accounts.includes(view.accountId) || (event.scope === "PUBLIC" && event.accounts.length === 0);
  }
  if (view.accountIds === null) return true;
  if (event.scope === "PUBLIC" && event.accounts.length === 0) return true;
  return event.accounts.some((account) => view.accountIds?.has(account));
}

export function visibleEntities(event: HealthEvent, view: HealthView): HealthEntity[] {
  if (view.kind === "account") return event.entities.filter((entity) => entity.awsAccountId === view.accountId);
  const accounts = view.accountIds;
  return accounts === null ? event.entities : event.entities.filter((entity) => accounts.has(entity.awsAccountId));
}

/** AND across fields, OR within a list; ranges are inclusive and open-ended; several ranges are OR-ed. */
export function matchesCriteria(event: HealthEvent, criteria: EventCriteria, view: HealthView): boolean {
  const within = (list: readonly string[] | undefined, value: string | null) => list === undefined || (value !== null && list.includes(value));
  if (!within(criteria.eventArns, event.arn)) return false;
  if (!within(criteria.eventTypeCodes, event.eventTypeCode)) return false;
  if (!within(criteria.services, event.service)) return false;
  if (!within(criteria.regions, event.region)) return false;
  if (!within(criteria.availabilityZones, event.availabilityZone)) return false;
  if (!within(criteria.eventTypeCategories, event.eventTypeCategory)) return false;
  if (!within(criteria.eventStatusCodes, event.statusCode)) return false;
  if (!within(criteria.actionabilities, event.actionability)) return false;
  if (criteria.personas && !(event.personas ?? []).some((persona) => criteria.personas?.includes(persona))) return false;
  if (!inAnyRange(criteria.startTimes, event.startMs)) return false;
  if (!inAnyRange(criteria.endTimes, event.endMs)) return false;
  if (!inAnyRange(criteria.lastUpdatedTimes, event.lastUpdatedMs)) return false;
  if (criteria.entityArns || criteria.entityValues) {
    const arns = criteria.entityArns ? new Set(criteria.entityArns) : null;
    const values = criteria.entityValues ? new Set(criteria.entityValues) : null;
    const hit = visibleEntities(event, view).some(
      (entity) => (arns === null || arns.has(entity.entityArn)) && (values === null || values.has(entity.entityValue)),
    );
    if (!hit) return false;
  }
  return true;
}

export function inAnyRange(ranges: readonly DateRange[] | undefined, valueMs: number | null): boolean {
  if (ranges === undefined) return true;
  if (valueMs === null) return false;
  return ranges.some((range) => inRange(range, valueMs));
}

function inRange(range: DateRange, valueMs: number): boolean {
  if (range.from !== undefined && valueMs < Math.round(range.from * 1000)) return false;
  if (range.to !== undefined && valueMs > Math.round(range.to * 1000)) return false;
  return true;
}

/** Newest lastUpdatedTime first, as AWS documents; ARN breaks ties so pages are stable. */
export function sortNewestFirst(events: HealthEvent[]): HealthEvent[] {
  return events.sort((a, b) => b.lastUpdatedMs - a.lastUpdatedMs || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}
