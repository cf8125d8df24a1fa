import { createContext, useContext } from "react";

/** Region code → display name, handed to the browser as data so the name table stays out of the bundle. */
export const RegionNamesContext = createContext<Readonly<Record<string, string>>>({});

export function useRegionNames(): Readonly<Record<string, string>> {
  return useContext(RegionNamesContext);
}
