import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  MULTIPLE_SERVICES_NAME,
  MULTIPLE_SERVICES_SLUG,
  SNAPSHOT_REGIONS,
  SNAPSHOT_SERVICES,
  type SnapshotRegion,
  type SnapshotService,
} from "@/lib/server/sources/catalog/services-snapshot-source";

/** One entry in the shape of AWS's services.json. */
export interface ServicesJsonEntry {
  service: string;
  service_name: string;
  region_id: string;
  region_name: string;
}

function regionsOf(service: SnapshotService, regions: readonly SnapshotRegion[]): SnapshotRegion[] {
  const { reach } = service;
  if (reach === null) return [];
  if (typeof reach === "number") {
    return regions.filter((region) => (region.isGovCloud ? service.isInGovCloud === true : region.wave <= reach));
  }
  const explicit = regions.filter((region) => reach.includes(region.code));
  const govCloud = service.isInGovCloud ? regions.filter((region) => region.isGovCloud) : [];
  return [...explicit, ...govCloud];
}

/** Expands the readable source into services.json entries, sorted by key. Pure, for tests. */
export function buildServicesSnapshot(
  services: readonly SnapshotService[] = SNAPSHOT_SERVICES,
  regions: readonly SnapshotRegion[] = SNAPSHOT_REGIONS,
): ServicesJsonEntry[] {
  const byKey = new Map<string, ServicesJsonEntry>();
  const add = (entry: ServicesJsonEntry) => byKey.set(entry.service, entry);
  for (const service of services) {
    if (service.regionless) {
      const regionName = service.regionless === "global" ? "Global" : "";
      add({ service: service.slug, service_name: service.name, region_id: "", region_name: regionName });
    }
    for (const region of regionsOf(service, regions)) {
      add({ service: `${service.slug}-${region.code}`, service_name: service.name, region_id: region.code, region_name: region.name });
    }
  }
  for (const region of regions) {
    add({
      service: `${MULTIPLE_SERVICES_SLUG}-${region.code}`,
      service_name: MULTIPLE_SERVICES_NAME,
      region_id: region.code,
      region_name: region.name,
    });
  }
  return [...byKey.values()].sort((a, b) => a.service.localeCompare(b.service));
}

/** Compact JSON, one entry per line, so diffs of a regenerated snapshot stay readable. */
export function formatServicesSnapshot(entries: readonly ServicesJsonEntry[]): string {
  return `[\n${entries.map((entry) => JSON.stringify(entry)).join(",\n")}\n]\n`;
}

export const SNAPSHOT_PATH = fileURLToPath(new URL("./services-snapshot.json", import.meta.url));

function main(): void {
  const entries = buildServicesSnapshot();
  writeFileSync(SNAPSHOT_PATH, formatServicesSnapshot(entries));
  console.log(`wrote ${entries.length} entries to ${SNAPSHOT_PATH}`);
}

// Run with: npx tsx lib/server/sources/catalog/generate-services-snapshot.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
