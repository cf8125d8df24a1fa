/** Region ordering and labels without the name table, for browser bundles (names arrive as data: region-names-context). */

export const GLOBAL_REGION_TOKEN = "global";

/** Label with the code first, as AWS users scan for codes: `eu-west-1 (Ireland)`; null → `Global`. */
export function formatRegionLabel(region: string | null, names: Readonly<Record<string, string>>): string {
  if (region === null || region === GLOBAL_REGION_TOKEN) return "Global";
  const name = names[region];
  return name === undefined ? region : `${region} (${name})`;
}

/** Global first, then region codes in alphabetical order (codes are ASCII, so plain comparison suffices). */
export function compareRegions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a === GLOBAL_REGION_TOKEN) return -1;
  if (b === null || b === GLOBAL_REGION_TOKEN) return 1;
  return a < b ? -1 : 1;
}
