import { decodeBomText } from "@/lib/server/sources/public-status/decode-bom-text";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import { convertDescriptionToText } from "@/lib/server/sources/public-status/convert-description-to-text";
import { mapJsonLevel } from "@/lib/server/sources/public-status/map-public-status";
import {
  describeZodError,
  epochValueSchema,
  rawEventLogEntrySchema,
  rawEventSchema,
  rawImpactedServiceSchema,
  rawStatusChangeSchema,
  type RawEvent,
} from "@/lib/server/sources/public-status/current-events-schema";
import type {
  CurrentEventRecord,
  ImpactedServiceRecord,
  PublicUpdateRecord,
} from "@/lib/server/domain/public-status-records";

/** Something left out of the result. `path` is "" for a whole event, else the part inside it. */
export interface CurrentEventsSkip {
  index: number;
  path: string;
  reason: string;
}

/** `events` in payload order; `skipped` lists malformed events or parts of events that were left out. */
export interface ParsedCurrentEvents {
  events: CurrentEventRecord[];
  skipped: CurrentEventsSkip[];
}

const RESOLVED_SUMMARY = /^\s*\[resolved\]\s*/i;
const REGION_CODE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
// Every timestamp is documented as seconds except status changes (milliseconds); a magnitude
// guard keeps a unit change on AWS's side from producing dates in the year 50,000.
const MILLISECONDS_THRESHOLD = 100_000_000_000;

function toSeconds(value: number): number {
  return value >= MILLISECONDS_THRESHOLD ? Math.floor(value / 1000) : value;
}

/** Region code from `arn:aws:health:<region>::event/…`; null for global or region-less ARNs. */
export function extractArnRegion(arn: string): string | null {
  const region = arn.split(":")[3]?.trim().toLowerCase() ?? "";
  return REGION_CODE.test(region) ? region : null;
}

function mapUpdates(raw: RawEvent, index: number, resolved: boolean, skipped: CurrentEventsSkip[]): PublicUpdateRecord[] {
  const updates: PublicUpdateRecord[] = [];
  (raw.event_log ?? []).forEach((entry, entryIndex) => {
    const parsed = rawEventLogEntrySchema.safeParse(entry);
    if (!parsed.success) {
      skipped.push({ index, path: `event_log[${entryIndex}]`, reason: describeZodError(parsed.error) });
      return;
    }
    updates.push({
      key: raw.service,
      at: toSeconds(parsed.data.timestamp),
      status: mapJsonLevel(parsed.data.status),
      resolved: false,
      summary: convertDescriptionToText(parsed.data.summary ?? ""),
      message: convertDescriptionToText(parsed.data.message ?? ""),
      origin: "currentevents",
    });
  });
  updates.sort((a, b) => b.at - a.at);
  const newest = updates[0];
  if (resolved && newest) updates[0] = { ...newest, resolved: true, status: "operational" };
  return updates;
}

function mapImpacted(raw: RawEvent, index: number, skipped: CurrentEventsSkip[]): ImpactedServiceRecord[] {
  const latestChange = new Map<string, number>();
  (raw.impacted_service_status_changes ?? []).forEach((change, changeIndex) => {
    const parsed = rawStatusChangeSchema.safeParse(change);
    if (!parsed.success) {
      skipped.push({ index, path: `impacted_service_status_changes[${changeIndex}]`, reason: describeZodError(parsed.error) });
      return;
    }
    const at = toSeconds(parsed.data.timestamp);
    const previous = latestChange.get(parsed.data.service);
    if (previous === undefined || at > previous) latestChange.set(parsed.data.service, at);
  });

  const impacted: ImpactedServiceRecord[] = [];
  for (const [rawKey, value] of Object.entries(raw.impacted_services ?? {})) {
    const key = rawKey.trim().toLowerCase();
    if (!key) {
      skipped.push({ index, path: "impacted_services", reason: "empty service key" });
      continue;
    }
    const parsed = rawImpactedServiceSchema.safeParse(value);
    if (!parsed.success) {
      skipped.push({ index, path: `impacted_services.${rawKey}`, reason: describeZodError(parsed.error) });
      continue;
    }
    impacted.push({
      key,
      name: parsed.data.service_name?.trim() || key,
      status: mapJsonLevel(parsed.data.current),
      maxStatus: mapJsonLevel(parsed.data.max),
      changedAt: latestChange.get(key) ?? null,
    });
  }
  return impacted;
}

// An unreadable end_time must not hide an event as resolved: it is ignored and reported.
function parseEndTime(raw: RawEvent, index: number, skipped: CurrentEventsSkip[]): number | null {
  const endTime = raw.end_time;
  if (endTime === undefined || endTime === null || String(endTime).trim() === "") return null;
  const parsed = epochValueSchema.safeParse(endTime);
  if (parsed.success) return toSeconds(parsed.data);
  skipped.push({ index, path: "end_time", reason: `not an epoch: ${JSON.stringify(endTime).slice(0, 40)}` });
  return null;
}

const KEY_REGION = /-([a-z]{2}(?:-[a-z]+)+-\d+)$/;

/**
 * The event's ARN, or for an entry without one (the 2023 shape) a stand-in whose last segment is `{key}_{start}`:
 * its event id then equals the id RSS gives the same event, so the two feeds still make one event.
 */
export function readEventIdentity(raw: RawEvent): { arn: string; region: string | null } {
  if (raw.arn !== undefined) return { arn: raw.arn, region: extractArnRegion(raw.arn) };
  const startedAt = toSeconds(raw.date);
  return { arn: `healthdeck:currentevents/${raw.service}_${startedAt}`, region: KEY_REGION.exec(raw.service)?.[1] ?? null };
}

function mapEvent(raw: RawEvent, index: number, skipped: CurrentEventsSkip[]): CurrentEventRecord {
  const rawSummary = raw.summary ?? "";
  const identity = readEventIdentity(raw);
  const endedAt = parseEndTime(raw, index, skipped);
  const resolved = endedAt !== null || mapJsonLevel(raw.status) === "operational" || RESOLVED_SUMMARY.test(rawSummary);
  return {
    arn: identity.arn,
    key: raw.service,
    region: identity.region,
    serviceName: raw.service_name?.trim() || raw.service,
    status: resolved ? "operational" : mapJsonLevel(raw.status),
    resolved,
    summary: convertDescriptionToText(rawSummary.replace(RESOLVED_SUMMARY, "")),
    startedAt: toSeconds(raw.date),
    endedAt,
    updates: mapUpdates(raw, index, resolved, skipped),
    impacted: mapImpacted(raw, index, skipped),
  };
}

/**
 * Parses the raw bytes of `health.aws.amazon.com/public/currentevents` (UTF-16BE with BOM).
 * Throws PublicStatusParseError when the body is not an array of events (the source is then
 * unknown, never green). A malformed event is skipped and reported; the others are kept.
 */
export function parseCurrentEvents(bytes: Uint8Array): ParsedCurrentEvents {
  const text = decodeBomText(bytes);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new PublicStatusParseError("currentevents", `invalid JSON (${text.length} chars)`, { cause: error });
  }
  if (!Array.isArray(payload)) {
    const got = payload === null ? "null" : typeof payload;
    throw new PublicStatusParseError("currentevents", `currentevents is not an array (got ${got})`);
  }

  const events: CurrentEventRecord[] = [];
  const skipped: CurrentEventsSkip[] = [];
  payload.forEach((item: unknown, index) => {
    const parsed = rawEventSchema.safeParse(item);
    if (!parsed.success) {
      skipped.push({ index, path: "", reason: describeZodError(parsed.error) });
      return;
    }
    events.push(mapEvent(parsed.data, index, skipped));
  });
  return { events, skipped };
}
