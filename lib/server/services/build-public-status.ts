import { severityRank, worstStatus, type HealthStatus } from "@/lib/shared/health-status";
import type { ServiceStatus, StatusResponse } from "@/lib/shared/public-status-contract";
import type { StatusFilter } from "@/lib/shared/status-filter";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { combineScope, isInScope } from "@/lib/server/services/public-scope";
import { correlateAccountEvents, type AccountCorrelation } from "@/lib/server/services/correlate-account-events";
import { eventTouches, toIsoSeconds, toPublicEvent } from "@/lib/server/services/to-public-event";
import type { StoredPublicEvent } from "@/lib/server/store/public-events-repo";

const RECENTLY_RESOLVED_SECONDS = 24 * 3600;

interface KeyState {
  status: HealthStatus;
  since: number | null;
  name: string | null;
}

function collectKeyStates(openEvents: readonly StoredPublicEvent[]): Map<string, KeyState> {
  const states = new Map<string, KeyState>();
  const bump = (key: string, status: HealthStatus, since: number, name: string | null) => {
    const current = states.get(key);
    if (!current || severityRank(status) > severityRank(current.status)) {
      states.set(key, { status, since, name: name ?? current?.name ?? null });
    } else if (current.status === status && current.since !== null && since < current.since) {
      current.since = since;
    }
  };
  for (const event of openEvents) {
    bump(event.key, event.status, event.startedAt, null);
    for (const impacted of event.impacted) bump(impacted.key, impacted.status, impacted.changedAt ?? event.startedAt, impacted.name);
  }
  return states;
}

/** The board: every service-region in scope with its status, worst first, and the events behind it. */
export function buildPublicStatus(runtime: HealthdeckRuntime, filter: StatusFilter, nowMs: number): StatusResponse {
  const catalog = runtime.getCatalog();
  const scope = combineScope(runtime.scope, filter);
  const sources = listSourceHealth(runtime, nowMs);
  const currentEvents = sources.find((source) => source.id === "public-currentevents");
  const isCurrentEventsFresh = currentEvents?.state === "ok";
  const lastKnownAt = currentEvents?.lastSuccessAt ?? null;

  const openEvents = runtime.store.events.listOpen();
  const correlation = correlateOpenAccountEvents(runtime);
  const keyStates = collectKeyStates(openEvents);

  const entries = new Map(catalog.entries.map((entry) => [entry.key, { ...entry }]));
  for (const [key, state] of keyStates) {
    if (entries.has(key)) continue;
    const split = catalog.splitServiceKey(key);
    entries.set(key, { key, ...split, name: state.name ?? catalog.nameOf(key), regionName: null });
  }

  const services: ServiceStatus[] = [];
  for (const entry of entries.values()) {
    if (!isInScope(entry, scope)) continue;
    const state = keyStates.get(entry.key);
    let status: HealthStatus = state?.status ?? "operational";
    let since = state?.since === undefined || state.since === null ? null : toIsoSeconds(state.since);
    if (!isCurrentEventsFresh) {
      // Keep the last known problem visible, but nothing may look green on stale data.
      const degradedTo = worstStatus([status, "unknown"]);
      if (degradedTo !== status) since = lastKnownAt;
      status = degradedTo;
    }
    if (filter.statuses.length > 0 && !filter.statuses.includes(status)) continue;
    services.push({ key: entry.key, service: entry.service, region: entry.region, name: entry.name, status, since, account: correlation.markFor(entry.key) });
  }
  services.sort(
    (a, b) =>
      severityRank(b.status) - severityRank(a.status) ||
      a.name.localeCompare(b.name) ||
      (a.region ?? "").localeCompare(b.region ?? ""),
  );

  const nowSeconds = Math.floor(nowMs / 1000);
  const candidates = [...openEvents, ...runtime.store.events.listRecentlyResolved(nowSeconds - RECENTLY_RESOLVED_SECONDS)];
  const events = candidates
    .filter((event) => eventTouches(event, catalog, (item) => isInScope(item, scope)))
    .filter((event) => filter.statuses.length === 0 || filter.statuses.includes(event.status))
    .map((event) => toPublicEvent(event, catalog, correlation.impactOf(event)));

  return {
    generatedAt: new Date(nowMs).toISOString(),
    simulated: runtime.config.HEALTHDECK_SIMULATED,
    sources,
    services,
    events,
  };
}

const ACCOUNT_FILTER_OPEN = {
  categories: [],
  statuses: ["open"],
  regions: [],
  services: [],
  accounts: [],
  eventTypeCodes: [],
  from: null,
  to: null,
  search: null,
  limit: 5000,
} as const;

export function correlateOpenAccountEvents(runtime: HealthdeckRuntime): AccountCorrelation {
  const repo = runtime.store.accountEvents;
  return correlateAccountEvents(repo.listEvents(ACCOUNT_FILTER_OPEN), (eventId, limit) =>
    repo
      .listEntities(eventId, { offset: 0, limit, search: null, statuses: [], sort: "status", descending: false })
      .entities.map((entity) => entity.entityValue),
  );
}
