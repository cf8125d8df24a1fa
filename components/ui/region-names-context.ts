import { createContext, useCallback, useContext } from "react";
import { formatRegionLabel } from "@/lib/client/region-label";

/** Region code → display name, handed to the browser as data so the name table stays out of the bundle. */
export const RegionNamesContext = createContext<Readonly<Record<string, string>>>({});

export function useRegionNames(): Readonly<Record<string, string>> {
  return useContext(RegionNamesContext);
}

/** `(region) => "eu-west-1 (Ireland)"`, from the names in context (the bare code without them). */
export function useRegionLabel(): (region: string | null) => string {
  const names = useContext(RegionNamesContext);
  return useCallback((region: string | null) => formatRegionLabel(region, names), [names]);
}
