import type { z } from "zod";
import { healthEventEnvelopeSchema } from "@/lib/server/sources/eventbridge/eventbridge-event-schema";
import { normalizeHealthEvent, type NormalizedHealthEvent } from "@/lib/server/sources/eventbridge/normalize-health-event";
import { repairAccountFields } from "@/lib/server/sources/eventbridge/repair-account-fields";

export const MAX_EVENTS_PER_REQUEST = 100;
const MAX_REPORTED_ISSUES = 10;

/** An event of the request that was not stored, by its position in the request (0 for a single object). */
export interface RejectedEvent {
  index: number;
  error: string;
}

/** Something odd about an event that was stored anyway (a field repaired or ignored). */
export interface EventWarning {
  index: number;
  warning: string;
}

export type PayloadResult =
  | {
      ok: true;
      events: NormalizedHealthEvent[];
      /** position in the request of each of `events` */
      indexes: number[];
      rejected: RejectedEvent[];
      warnings: EventWarning[];
    }
  | { ok: false; error: string };

/**
 * Validates a parsed JSON body: one `aws.health` event or an array of them. Each event stands alone: the valid ones
 * are kept and the invalid ones reported with each problem as `events[i].path: problem`; only a request in which no
 * event is valid fails. Cosmetic oddities (see repairAccountFields) never cost an event; they come back as warnings.
 */
export function parseEventBridgePayload(body: unknown, nowMs: number, maxEvents = MAX_EVENTS_PER_REQUEST): PayloadResult {
  const isList = Array.isArray(body);
  const items: unknown[] = isList ? body : [body];
  if (items.length === 0) return { ok: false, error: "the array holds no events" };
  if (items.length > maxEvents) {
    return { ok: false, error: `at most ${maxEvents} events per request, got ${items.length}` };
  }

  const events: NormalizedHealthEvent[] = [];
  const indexes: number[] = [];
  const rejected: RejectedEvent[] = [];
  const warnings: EventWarning[] = [];
  items.forEach((raw, index) => {
    const repaired = repairAccountFields(raw);
    const parsed = healthEventEnvelopeSchema.safeParse(repaired.item);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => describeIssue(isList ? `events[${index}]` : "", issue));
      rejected.push({ index, error: summarise(problems) });
      return;
    }
    events.push(normalizeHealthEvent(parsed.data, nowMs));
    indexes.push(index);
    for (const warning of repaired.warnings) warnings.push({ index, warning });
  });
  if (events.length > 0) return { ok: true, events, indexes, rejected, warnings };
  const invalid = isList ? "invalid events, nothing stored: " : "invalid event, nothing stored: ";
  return { ok: false, error: `${invalid}${summarise(rejected.map((item) => item.error))}` };
}

function summarise(problems: string[]): string {
  const shown = problems.slice(0, MAX_REPORTED_ISSUES);
  const more = problems.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}

function describeIssue(prefix: string, issue: z.core.$ZodIssue): string {
  let path = prefix;
  for (const segment of issue.path) {
    if (typeof segment === "number") path += `[${segment}]`;
    else path += path === "" ? String(segment) : `.${String(segment)}`;
  }
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}
