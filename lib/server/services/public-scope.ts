import type { StatusFilter } from "@/lib/shared/status-filter";

export interface ScopeSettings {
  regions: readonly string[];
  services: readonly string[];
}

interface ScopedItem {
  service: string;
  region: string | null;
}

/**
 * Region filters keep global services (region null) unless `global` is not listed while other
 * regions are and the caller asked for strict matching. Multi-service events count for a service
 * filter because they are how AWS files cross-service outages.
 */
export function matchesRegions(item: Pick<ScopedItem, "region">, regions: readonly string[]): boolean {
  if (regions.length === 0) return true;
  if (item.region === null) return true;
  return regions.includes(item.region);
}

export function matchesServices(item: ScopedItem, services: readonly string[]): boolean {
  if (services.length === 0) return true;
  return services.includes(item.service) || item.service === "multipleservices";
}

export function isInScope(item: ScopedItem, scope: ScopeSettings): boolean {
  return matchesRegions(item, scope.regions) && matchesServices(item, scope.services);
}

/** The deployment's scope narrowed by a viewer's filter (a filter never widens the scope). */
export function combineScope(scope: ScopeSettings, filter: StatusFilter): ScopeSettings {
  return {
    regions: narrow(scope.regions, filter.regions),
    services: narrow(scope.services, filter.services),
  };
}

function narrow(configured: readonly string[], requested: readonly string[]): string[] {
  if (requested.length === 0) return [...configured];
  if (configured.length === 0) return [...requested];
  const allowed = requested.filter((value) => configured.includes(value) || value === "global");
  // Asking only for things outside the scope must show nothing, not everything.
  return allowed.length > 0 ? allowed : ["\u0000none"];
}
