import { compareRegions, formatRegionLabel, GLOBAL_REGION_TOKEN } from "@/lib/client/region-label";

export { compareRegions, GLOBAL_REGION_TOKEN };

/**
 * Display names of AWS region codes. The board page passes them to the browser as data (RegionNamesContext) rather
 * than bundling this table; server components and other pages may import it directly. Unknown codes still work.
 */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  "us-east-1": "N. Virginia",
  "us-east-2": "Ohio",
  "us-west-1": "N. California",
  "us-west-2": "Oregon",
  "af-south-1": "Cape Town",
  "ap-east-1": "Hong Kong",
  "ap-east-2": "Taipei",
  "ap-south-1": "Mumbai",
  "ap-south-2": "Hyderabad",
  "ap-southeast-1": "Singapore",
  "ap-southeast-2": "Sydney",
  "ap-southeast-3": "Jakarta",
  "ap-southeast-4": "Melbourne",
  "ap-southeast-5": "Malaysia",
  "ap-southeast-6": "New Zealand",
  "ap-southeast-7": "Thailand",
  "ap-northeast-1": "Tokyo",
  "ap-northeast-2": "Seoul",
  "ap-northeast-3": "Osaka",
  "ca-central-1": "Canada Central",
  "ca-west-1": "Calgary",
  "eu-central-1": "Frankfurt",
  "eu-central-2": "Zurich",
  "eu-west-1": "Ireland",
  "eu-west-2": "London",
  "eu-west-3": "Paris",
  "eu-south-1": "Milan",
  "eu-south-2": "Spain",
  "eu-north-1": "Stockholm",
  "il-central-1": "Tel Aviv",
  "me-south-1": "Bahrain",
  "me-central-1": "UAE",
  "mx-central-1": "Mexico",
  "sa-east-1": "São Paulo",
  "us-gov-east-1": "GovCloud (US-East)",
  "us-gov-west-1": "GovCloud (US-West)",
};

export const KNOWN_REGION_CODES: readonly string[] = Object.keys(REGION_NAMES);

/** `eu-west-1` → `Ireland`; null → `Global`; unknown codes → null. */
export function describeRegion(region: string | null): string | null {
  if (region === null || region === GLOBAL_REGION_TOKEN) return "Global";
  return REGION_NAMES[region] ?? null;
}

/** Label with the code first, as AWS users scan for codes: `eu-west-1 (Ireland)`. */
export function labelRegion(region: string | null): string {
  return formatRegionLabel(region, REGION_NAMES);
}
