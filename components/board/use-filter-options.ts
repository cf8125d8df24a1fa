import { useMemo } from "react";
import type { ServiceStatus } from "@/lib/shared/public-status-contract";
import type { StatusFilter } from "@/lib/shared/status-filter";
import { compareRegions, formatRegionLabel, GLOBAL_REGION_TOKEN } from "@/lib/client/region-label";
import { compareServiceNames } from "@/lib/client/board-model";
import type { SelectOption } from "@/components/ui/multi-select";

const NO_OPTIONS: { regionOptions: SelectOption[]; serviceOptions: SelectOption[] } = { regionOptions: [], serviceOptions: [] };

/**
 * Picker options: what the data shows, what the filter names, and (regions) the known AWS regions. Null services
 * (no picker opened yet) give none: sorting ~5,800 names is work hydration on a slow phone should not wait for.
 */
export function useFilterOptions(services: readonly ServiceStatus[] | null, filter: StatusFilter, regionNames: Readonly<Record<string, string>>) {
  return useMemo(() => {
    if (services === null) return NO_OPTIONS;
    const regions = new Set<string>([GLOBAL_REGION_TOKEN, ...Object.keys(regionNames), ...filter.regions]);
    const names = new Map<string, string>();
    for (const entry of services) {
      regions.add(entry.region ?? GLOBAL_REGION_TOKEN);
      if (!names.has(entry.service)) names.set(entry.service, entry.name);
    }
    for (const service of filter.services) if (!names.has(service)) names.set(service, service);
    const regionOptions: SelectOption[] = [...regions]
      .sort(compareRegions)
      .map((region) => ({ value: region, label: formatRegionLabel(region, regionNames) }));
    const serviceOptions: SelectOption[] = [...names]
      .sort(([, a], [, b]) => compareServiceNames(a, b))
      .map(([service, name]) => ({ value: service, label: name === service ? service : `${name} (${service})` }));
    return { regionOptions, serviceOptions };
  }, [services, filter, regionNames]);
}
