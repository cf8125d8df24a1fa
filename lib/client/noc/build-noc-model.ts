import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { HealthStatus } from "@/lib/shared/health-status";
import { compareText } from "@/lib/shared/compare-services";
import { rankStatus } from "@/lib/shared/health-status-order";
import type { PublicEvent, ServiceStatus, SourceHealth, StatusResponse } from "@/lib/shared/public-status-contract";
import type { LiveScope } from "@/lib/shared/live-scope";
import { compareByLastUpdate, compareByStart } from "@/lib/client/account/account-panels";

/** The account half of what the wall receives (the stream's `account`). */
export interface NocAccountInput {
  sources: SourceHealth[];
  events: AccountEvent[];
}

export interface NocServiceRow {
  /** row identity for highlights: `service:<key>` */
  rowKey: string;
  key: string;
  name: string;
  region: string | null;
  status: HealthStatus;
  since: string | null;
  /** summary of the latest open public event touching this service */
  summary: string | null;
}

export interface NocAccountRow {
  /** row identity for highlights: `account:<id>` */
  rowKey: string;
  event: AccountEvent;
}

export interface NocModel {
  security: NocAccountRow[];
  services: NocServiceRow[];
  /** services with problems before the list was capped */
  problemCount: number;
  /** services whose status is unknown because the public feed is not fresh: summarised, not listed */
  unknownServices: number;
  issues: NocAccountRow[];
  scheduled: NocAccountRow[];
  /** service-regions in scope (all statuses) */
  serviceCount: number;
  /** the account regions are shown: account health is configured, or events arrived anyway */
  hasAccountHealth: boolean;
  /** every row key on screen, for "new" detection */
  rowKeys: string[];
}

/** Rows per region at most: the wall pages through them, and the DOM stays bounded whatever arrives. */
export const MAX_ROWS_PER_REGION = 60;

const ISSUE_CATEGORIES = new Set(["issue", "investigation"]);
const SCHEDULED_STATUSES = new Set(["upcoming", "open"]);
const CURRENT_EVENTS_SOURCE = "public-currentevents";

function isShownAccountEvent(event: AccountEvent, scope: LiveScope): boolean {
  if (event.status === "closed") return false;
  if (scope.mutedTypes.includes(event.eventTypeCode.toUpperCase())) return false;
  if (scope.accounts.length > 0 && (event.accountId === null || !scope.accounts.includes(event.accountId))) return false;
  if (scope.categories.length > 0 && !scope.categories.includes(event.category)) return false;
  return true;
}

function latestSummaries(events: readonly PublicEvent[]): Map<string, { summary: string; at: string }> {
  const byKey = new Map<string, { summary: string; at: string }>();
  for (const event of events) {
    if (event.resolved) continue;
    const at = event.updates.at(-1)?.at ?? event.startedAt;
    const keys = [event.key, ...event.impactedServices.map((impacted) => impacted.key)];
    for (const key of keys) {
      const current = byKey.get(key);
      if (current === undefined || current.at < at) byKey.set(key, { summary: event.summary, at });
    }
  }
  return byKey;
}

function toServiceRow(service: ServiceStatus, summaries: Map<string, { summary: string }>): NocServiceRow {
  return {
    rowKey: `service:${service.key}`,
    key: service.key,
    name: service.name,
    region: service.region,
    status: service.status,
    since: service.since,
    summary: summaries.get(service.key)?.summary ?? null,
  };
}

/** Worst first; within a status the longest-running first, then by name and region. */
function compareServiceRows(a: NocServiceRow, b: NocServiceRow): number {
  return (
    rankStatus(b.status) - rankStatus(a.status) ||
    compareText(a.since ?? "\uffff", b.since ?? "\uffff") ||
    compareText(a.name, b.name) ||
    compareText(a.region ?? "", b.region ?? "")
  );
}

const toAccountRow = (event: AccountEvent): NocAccountRow => ({ rowKey: `account:${event.id}`, event });

/**
 * What the wall shows, most important first: security events, services with problems, your open issues,
 * scheduled changes. `serviceCount` overrides the count when `status.services` was trimmed to its problems.
 */
export function buildNocModel(status: StatusResponse, account: NocAccountInput | null, scope: LiveScope, serviceCount?: number): NocModel {
  const isPublicFresh = status.sources.find((source) => source.id === CURRENT_EVENTS_SOURCE)?.state === "ok";
  const summaries = latestSummaries(status.events);
  const services: NocServiceRow[] = [];
  let unknownServices = 0;
  for (const service of status.services) {
    if (service.status === "operational") continue;
    if (service.status === "unknown" && !isPublicFresh) {
      unknownServices += 1;
      continue;
    }
    services.push(toServiceRow(service, summaries));
  }
  services.sort(compareServiceRows);

  const shown = (account?.events ?? []).filter((event) => isShownAccountEvent(event, scope));
  const security = shown.filter((event) => event.isSecurity).sort(compareByLastUpdate);
  const issues = shown
    .filter((event) => !event.isSecurity && ISSUE_CATEGORIES.has(event.category) && event.status !== "upcoming")
    .sort(compareByLastUpdate);
  const scheduled = shown
    .filter((event) => !event.isSecurity && event.category === "scheduledChange" && SCHEDULED_STATUSES.has(event.status))
    .sort(compareByStart);

  const model = {
    security: security.slice(0, MAX_ROWS_PER_REGION).map(toAccountRow),
    services: services.slice(0, MAX_ROWS_PER_REGION),
    problemCount: services.length,
    unknownServices,
    issues: issues.slice(0, MAX_ROWS_PER_REGION).map(toAccountRow),
    scheduled: scheduled.slice(0, MAX_ROWS_PER_REGION).map(toAccountRow),
    serviceCount: serviceCount ?? status.services.length,
    hasAccountHealth: (account?.sources ?? []).some((source) => source.state !== "disabled") || shown.length > 0,
  };
  const rowKeys = [...model.security, ...model.services, ...model.issues, ...model.scheduled].map((row) => row.rowKey);
  return { ...model, rowKeys };
}

/** Every status the wall lists; operational services are only counted. */
export const WALL_STATUSES: readonly HealthStatus[] = ["informational", "degraded", "disrupted", "unknown"];

/**
 * The scope the wall streams: without a status filter of its own it asks only for services with a
 * problem, so a screen over all of AWS receives a few KB instead of every healthy service-region.
 */
export function toWallStreamScope(scope: LiveScope): LiveScope {
  return scope.statuses.length > 0 ? scope : { ...scope, statuses: [...WALL_STATUSES] };
}
