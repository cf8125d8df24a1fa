import bundledSnapshot from "@/lib/server/sources/catalog/services-snapshot.json";
import { normaliseServicesCatalog } from "@/lib/server/sources/catalog/parse-services-catalog";
import type { CatalogEntry } from "@/lib/server/domain/public-status-records";

export interface ServiceKeyParts {
  service: string;
  region: string | null;
}

export interface Catalog {
  entries: readonly CatalogEntry[];
  /** region code → label ("us-west-2" → "Oregon"); codes learned from ARNs map to themselves */
  regions: ReadonlyMap<string, string>;
  getEntry(key: string): CatalogEntry | undefined;
  /** `ec2-us-east-1` → { ec2, us-east-1 }; `route53`/`aps` → region null. Never guesses by prefix pattern. */
  splitServiceKey(key: string): ServiceKeyParts;
  /** display name; unknown keys use `fallbackName` (e.g. currentevents service_name) or a readable guess */
  nameOf(key: string, fallbackName?: string | null): string;
  regionLabelOf(region: string): string;
  /** a catalogue that also knows these region codes (e.g. from currentevents ARNs) */
  withExtraRegions(codes: Iterable<string>): Catalog;
}

const REGION_CODE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

function longestRegionSuffix(key: string, regions: ReadonlyMap<string, string>): string | null {
  let best: string | null = null;
  for (const region of regions.keys()) {
    const isSuffix = key.length > region.length + 1 && key.endsWith(`-${region}`);
    if (isSuffix && (best === null || region.length > best.length)) best = region;
  }
  return best;
}

export function createCatalog(entries: readonly CatalogEntry[], options: { extraRegions?: Iterable<string> } = {}): Catalog {
  const byKey = new Map<string, CatalogEntry>();
  const nameBySlug = new Map<string, string>();
  const regions = new Map<string, string>();
  for (const entry of entries) {
    if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
    if (!nameBySlug.has(entry.service)) nameBySlug.set(entry.service, entry.name);
    if (entry.region !== null && !regions.has(entry.region)) regions.set(entry.region, entry.regionName ?? entry.region);
  }
  for (const code of options.extraRegions ?? []) {
    const region = code.trim().toLowerCase();
    if (REGION_CODE.test(region) && !regions.has(region)) regions.set(region, region);
  }

  const splitServiceKey = (key: string): ServiceKeyParts => {
    const entry = byKey.get(key);
    if (entry) return { service: entry.service, region: entry.region };
    const region = longestRegionSuffix(key, regions);
    return region === null ? { service: key, region: null } : { service: key.slice(0, -(region.length + 1)), region };
  };

  return {
    entries,
    regions,
    getEntry: (key) => byKey.get(key),
    splitServiceKey,
    nameOf(key, fallbackName) {
      const known = byKey.get(key)?.name ?? fallbackName?.trim();
      if (known) return known;
      const { service } = splitServiceKey(key);
      return nameBySlug.get(service) ?? service;
    },
    regionLabelOf: (region) => regions.get(region) ?? region,
    withExtraRegions: (codes) => createCatalog(entries, { extraRegions: [...regions.keys(), ...codes] }),
  };
}

let bundled: Catalog | null = null;

/** The catalogue bundled with the app (services-snapshot.json), used until services.json is fetched. */
export function loadBundledCatalog(): Catalog {
  bundled ??= createCatalog(normaliseServicesCatalog(bundledSnapshot));
  return bundled;
}
