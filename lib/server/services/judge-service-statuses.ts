import { worstStatus, type HealthStatus } from "@/lib/shared/health-status";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { collectKeyStates, type KeyState } from "@/lib/server/domain/collect-key-states";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";
import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import { isInScope, type ScopeSettings } from "@/lib/server/services/public-scope";
import { toIsoSeconds } from "@/lib/server/services/to-public-event";

export interface JudgedService {
  key: string;
  service: string;
  region: string | null;
  name: string;
  status: HealthStatus;
  since: string | null;
}

type Entry = Pick<JudgedService, "key" | "service" | "region" | "name">;

interface Freshness {
  isFresh: boolean;
  lastKnownAt: string | null;
}

function readFreshness(sources: readonly SourceHealth[]): Freshness {
  const currentEvents = sources.find((source) => source.id === "public-currentevents");
  return { isFresh: currentEvents?.state === "ok", lastKnownAt: currentEvents?.lastSuccessAt ?? null };
}

function judge(entry: Entry, state: KeyState | undefined, freshness: Freshness): JudgedService {
  let status: HealthStatus = state?.status ?? "operational";
  let since = state?.since === undefined || state.since === null ? null : toIsoSeconds(state.since);
  if (!freshness.isFresh) {
    // Keep the last known problem visible, but nothing may look green on stale data.
    const degradedTo = worstStatus([status, "unknown"]);
    if (degradedTo !== status) since = freshness.lastKnownAt;
    status = degradedTo;
  }
  return { key: entry.key, service: entry.service, region: entry.region, name: entry.name, status, since };
}

const entryOf = (catalog: Catalog, key: string, state: KeyState): Entry => catalog.getEntry(key) ?? { key, ...catalog.splitServiceKey(key), name: state.name ?? catalog.nameOf(key) };

/**
 * Every service-region in scope (the catalogue's, and any an open event names) with its status: the worst of the
 * open public events touching it. Unsorted; the board starts from this.
 */
export function judgeServiceStatuses(catalog: Catalog, scope: ScopeSettings, openEvents: readonly StoredPublicEvent[], sources: readonly SourceHealth[]): JudgedService[] {
  const freshness = readFreshness(sources);
  const keyStates = collectKeyStates(openEvents);
  const entries = new Map<string, Entry>(catalog.entries.map((entry) => [entry.key, entry]));
  for (const [key, state] of keyStates) if (!entries.has(key)) entries.set(key, entryOf(catalog, key, state));
  const judged: JudgedService[] = [];
  for (const entry of entries.values()) if (isInScope(entry, scope)) judged.push(judge(entry, keyStates.get(entry.key), freshness));
  return judged;
}

export interface ServiceStatusSummary {
  countsByStatus: Map<HealthStatus, number>;
  /** the services not operational */
  impaired: JudgedService[];
}

const inScopeCounts = new WeakMap<Catalog, { scope: ScopeSettings; count: number }>();

function countInScope(catalog: Catalog, scope: ScopeSettings): number {
  const known = inScopeCounts.get(catalog);
  if (known?.scope === scope) return known.count;
  const count = new Set(catalog.entries.filter((entry) => isInScope(entry, scope)).map((entry) => entry.key)).size;
  inScopeCounts.set(catalog, { scope, count });
  return count;
}

/**
 * The same statuses as judgeServiceStatuses, summarised for the metrics. While the public events are fresh, every
 * service no open event touches is operational, so only those touched are judged (not the ~5,800 of the catalogue).
 */
export function summariseServiceStatuses(catalog: Catalog, scope: ScopeSettings, openEvents: readonly StoredPublicEvent[], sources: readonly SourceHealth[]): ServiceStatusSummary {
  const freshness = readFreshness(sources);
  const countsByStatus = new Map<HealthStatus, number>();
  const add = (status: HealthStatus, count: number) => countsByStatus.set(status, (countsByStatus.get(status) ?? 0) + count);
  if (!freshness.isFresh) {
    const judged = judgeServiceStatuses(catalog, scope, openEvents, sources);
    for (const service of judged) add(service.status, 1);
    return { countsByStatus, impaired: judged.filter((service) => service.status !== "operational") };
  }
  const touched: JudgedService[] = [];
  let untouched = countInScope(catalog, scope);
  for (const [key, state] of collectKeyStates(openEvents)) {
    const entry = entryOf(catalog, key, state);
    if (!isInScope(entry, scope)) continue;
    if (catalog.getEntry(key) !== undefined) untouched -= 1;
    touched.push(judge(entry, state, freshness));
  }
  if (untouched > 0) add("operational", untouched);
  for (const service of touched) add(service.status, 1);
  return { countsByStatus, impaired: touched.filter((service) => service.status !== "operational") };
}
