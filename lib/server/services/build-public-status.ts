import { compareServices } from "@/lib/shared/compare-services";
import type { ServiceStatus, StatusResponse } from "@/lib/shared/public-status-contract";
import type { StatusFilter } from "@/lib/shared/status-filter";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { combineScope, isInScope } from "@/lib/server/services/public-scope";
import { judgeServiceStatuses } from "@/lib/server/services/judge-service-statuses";
import { correlateAccountEvents, type AccountCorrelation } from "@/lib/server/services/correlate-account-events";
import { eventTouches, toPublicEvent } from "@/lib/server/services/to-public-event";

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
  const services: ServiceStatus[] = judgeServiceStatuses(catalog, scope, openEvents, sources)
    .filter((judged) => filter.statuses.length === 0 || filter.statuses.includes(judged.status))
    .map((judged) => ({ ...judged, account: correlation.markFor(judged.key) }));
  // The browser sorts live changes the same way: its fingerprint of the server-rendered grid depends on the order.
  services.sort(compareServices);

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
