import type { HistoryQuery } from "@/lib/shared/history-query";
import type { HistoryResponse } from "@/lib/shared/public-status-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { isInScope, matchesRegions, matchesServices } from "@/lib/server/services/public-scope";
import { correlateOpenAccountEvents } from "@/lib/server/services/build-public-status";
import { eventTouches, toPublicEvent } from "@/lib/server/services/to-public-event";

export const HISTORY_LIMIT = 1000;

const toSeconds = (iso: string | null) => (iso === null ? null : Math.floor(Date.parse(iso) / 1000));

/** Everything stored that overlaps the window, resolved or not, newest first. */
export async function buildPublicHistory(runtime: HealthdeckRuntime, query: HistoryQuery): Promise<HistoryResponse> {
  const catalog = runtime.getCatalog();
  const correlation = await correlateOpenAccountEvents(runtime);
  const stored = await runtime.store.events.listHistory({
    fromSeconds: toSeconds(query.from),
    toSeconds: toSeconds(query.to),
    limit: 50_000,
  });
  const regions = query.region === null ? [] : [query.region];
  const services = query.service === null ? [] : [query.service];
  const shown = stored
    .filter((event) =>
      eventTouches(
        event,
        catalog,
        (item) =>
          isInScope(item, runtime.scope) &&
          matchesStrictRegion(item, regions) &&
          matchesServices(item, services) &&
          (services.length === 0 || item.service !== "multipleservices" || services.includes("multipleservices")),
      ),
    )
    .slice(0, HISTORY_LIMIT);
  await correlation.loadSamples(shown);
  const events = shown.map((event) => toPublicEvent(event, catalog, correlation.impactOf(event)));
  return { events };
}

/** In history a region means that region (or `global`), not "that region plus the global services". */
function matchesStrictRegion(item: { region: string | null }, regions: string[]): boolean {
  if (regions.length === 0) return true;
  if (regions.includes("global")) return item.region === null;
  return item.region !== null && matchesRegions(item, regions);
}
