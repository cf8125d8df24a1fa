import { z } from "zod";
import { decodeBomText } from "@/lib/server/sources/public-status/decode-bom-text";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import type { CatalogEntry } from "@/lib/server/domain/public-status-records";

/** Fewer entries than this is a broken download, never a catalogue (the real one has ~5,800). */
export const MIN_CATALOG_ENTRIES = 10;

const SLUG = /^[a-z0-9][a-z0-9._-]*$/;
const GLOBAL_REGION_IDS = new Set(["", "global", "aws-global"]);

const optionalText = z.string().nullish().catch(null);

const rawEntrySchema = z.object({
  service: z.string().trim().toLowerCase().regex(SLUG, "service is not a slug"),
  service_name: optionalText,
  region_id: optionalText,
  region_name: optionalText,
});
type RawEntry = z.infer<typeof rawEntrySchema>;

function normaliseRegion(regionId: string | null | undefined): string | null {
  const region = regionId?.trim().toLowerCase() ?? "";
  return GLOBAL_REGION_IDS.has(region) ? null : region;
}

function findRegionSuffix(key: string, regions: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const region of regions) {
    const isSuffix = key.endsWith(`-${region}`) && key.length > region.length + 1;
    if (isSuffix && (best === null || region.length > best.length)) best = region;
  }
  return best;
}

function toEntry(raw: RawEntry, knownRegions: ReadonlySet<string>): CatalogEntry {
  // `service` is either the full key (`ec2-us-east-1`) or only the slug (`ec2`) next to `region_id`.
  const region = normaliseRegion(raw.region_id) ?? findRegionSuffix(raw.service, knownRegions);
  const hasSuffix = region !== null && raw.service.endsWith(`-${region}`) && raw.service.length > region.length + 1;
  const key = region === null || hasSuffix ? raw.service : `${raw.service}-${region}`;
  const service = region !== null && hasSuffix ? raw.service.slice(0, -(region.length + 1)) : raw.service;
  return {
    key,
    service,
    region,
    name: raw.service_name?.trim() || key,
    regionName: raw.region_name?.trim() || null,
  };
}

/** Validates an already-parsed services.json value; shared by the download and the bundled snapshot. */
export function normaliseServicesCatalog(payload: unknown): CatalogEntry[] {
  if (!Array.isArray(payload)) throw new PublicStatusParseError("catalog", "services.json is not an array");
  const valid: RawEntry[] = [];
  for (const item of payload as unknown[]) {
    const parsed = rawEntrySchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
  }
  const knownRegions = new Set<string>();
  for (const raw of valid) {
    const region = normaliseRegion(raw.region_id);
    if (region !== null) knownRegions.add(region);
  }
  const byKey = new Map<string, CatalogEntry>();
  for (const raw of valid) {
    const entry = toEntry(raw, knownRegions);
    if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  }
  if (byKey.size < MIN_CATALOG_ENTRIES) {
    throw new PublicStatusParseError(
      "catalog",
      `services.json has ${byKey.size} usable entries of ${payload.length} (at least ${MIN_CATALOG_ENTRIES} expected)`,
    );
  }
  return [...byKey.values()];
}

/**
 * Parses services.json bytes (UTF-16 or UTF-8, BOM-sniffed). Malformed entries are dropped; an
 * empty or tiny result throws, so a broken download never replaces a good catalogue.
 */
export function parseServicesCatalog(bytes: Uint8Array): CatalogEntry[] {
  const text = decodeBomText(bytes);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new PublicStatusParseError("catalog", `invalid JSON (${text.length} chars)`, { cause: error });
  }
  return normaliseServicesCatalog(payload);
}
