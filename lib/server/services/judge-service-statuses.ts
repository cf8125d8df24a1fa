import { worstStatus, type HealthStatus } from "@/lib/shared/health-status";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { collectKeyStates } from "@/lib/server/domain/collect-key-states";
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

/**
 * Every service-region in scope (the catalogue's, and any an open event names) with its status: the worst of the
 * open public events touching it. Unsorted; the board and the metrics both start from this.
 */
export function judgeServiceStatuses(catalog: Catalog, scope: ScopeSettings, openEvents: readonly StoredPublicEvent[], sources: readonly SourceHealth[]): JudgedService[] {
  const currentEvents = sources.find((source) => source.id === "public-currentevents");
  const isCurrentEventsFresh = currentEvents?.state === "ok";
  const lastKnownAt = currentEvents?.lastSuccessAt ?? null;
  const keyStates = collectKeyStates(openEvents);

  const entries = new Map<string, { key: string; service: string; region: string | null; name: string }>(catalog.entries.map((entry) => [entry.key, entry]));
  for (const [key, state] of keyStates) {
    if (entries.has(key)) continue;
    entries.set(key, { key, ...catalog.splitServiceKey(key), name: state.name ?? catalog.nameOf(key) });
  }

  const judged: JudgedService[] = [];
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
    judged.push({ key: entry.key, service: entry.service, region: entry.region, name: entry.name, status, since });
  }
  return judged;
}
