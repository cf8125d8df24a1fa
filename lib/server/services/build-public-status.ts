import { severityRank, worstStatus, type HealthStatus } from "@/lib/shared/health-status";
import { collectKeyStates } from "@/lib/server/domain/collect-key-states";
import type { ServiceStatus, StatusResponse } from "@/lib/shared/public-status-contract";
import type { StatusFilter } from "@/lib/shared/status-filter";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { combineScope, isInScope } from "@/lib/server/services/public-scope";
import { correlateAccountEvents, type AccountCorrelation } from "@/lib/server/services/correlate-account-events";
import { eventTouches, toIsoSeconds, toPublicEvent } from "@/lib/server/services/to-public-event";

const RECENTLY_RESOLVED_SECONDS = 24 * 3600;

/** The board: every service-region in scope with its status, worst first, and the events behind it. */
export async function buildPublicStatus(runtime: HealthdeckRuntime, filter: StatusFilter, nowMs: number): Promise<StatusResponse> {
  const catalog = runtime.getCatalog();
  const scope = combineScope(runtime.scope, filter);
  const nowSeconds = Math.floor(nowMs / 1000);
  const [sources, openEvents, recentlyResolved, correlation] = await Promise.all([
    listSourceHealth(runtime, nowMs),
    runtime.store.events.listOpen(),
    runtime.store.events.listRecentlyResolved(nowSeconds - RECENTLY_RESOLVED_SECONDS),
    correlateOpenAccountEvents(runtime),
  ]);
  const currentEvents = sources.find((source) => source.id === "public-currentevents");
  const isCurrentEventsFresh = currentEvents?.state === "ok";
  const lastKnownAt = currentEvents?.lastSuccessAt ?? null;

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

  const candidates = [...openEvents, ...recentlyResolved];
  const shown = candidates
    .filter((event) => eventTouches(event, catalog, (item) => isInScope(item, scope)))
    .filter((event) => filter.statuses.length === 0 || filter.statuses.includes(event.status));
  await correlation.loadSamples(shown);
  const events = shown.map((event) => toPublicEvent(event, catalog, correlation.impactOf(event)));

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

export async function correlateOpenAccountEvents(runtime: HealthdeckRuntime): Promise<AccountCorrelation> {
  const repo = runtime.store.accountEvents;
  return correlateAccountEvents(await repo.listEvents(ACCOUNT_FILTER_OPEN), async (eventId, limit) =>
    (await repo.listEntities(eventId, { offset: 0, limit, search: null, statuses: [], sort: "status", descending: false })).entities.map((entity) => entity.entityValue),
  );
}
