import type { z } from "zod";
import { healthEventEnvelopeSchema } from "@/lib/server/sources/eventbridge/eventbridge-event-schema";
import { normalizeHealthEvent, type NormalizedHealthEvent } from "@/lib/server/sources/eventbridge/normalize-health-event";

export const MAX_EVENTS_PER_REQUEST = 100;
const MAX_REPORTED_ISSUES = 10;

export type PayloadResult = { ok: true; events: NormalizedHealthEvent[] } | { ok: false; error: string };

/**
 * Validates a parsed JSON body: one `aws.health` event or an array of them. All or nothing: when any
 * event is invalid the whole payload is rejected, with each problem as `events[i].path: problem`.
 */
export function parseEventBridgePayload(body: unknown, nowMs: number, maxEvents = MAX_EVENTS_PER_REQUEST): PayloadResult {
  const isList = Array.isArray(body);
  const items: unknown[] = isList ? body : [body];
  if (items.length === 0) return { ok: false, error: "the array holds no events" };
  if (items.length > maxEvents) {
    return { ok: false, error: `at most ${maxEvents} events per request, got ${items.length}` };
  }

  const problems: string[] = [];
  const events: NormalizedHealthEvent[] = [];
  items.forEach((item, index) => {
    const parsed = healthEventEnvelopeSchema.safeParse(item);
    if (parsed.success) {
      events.push(normalizeHealthEvent(parsed.data, nowMs));
      return;
    }
    for (const issue of parsed.error.issues) {
      problems.push(describeIssue(isList ? `events[${index}]` : "", issue));
    }
  });
  if (problems.length === 0) return { ok: true, events };

  const shown = problems.slice(0, MAX_REPORTED_ISSUES);
  const more = problems.length - shown.length;
  const invalid = isList ? `invalid events, nothing stored: ` : "invalid event, nothing stored: ";
  return { ok: false, error: `${invalid}${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}` };
}

function describeIssue(prefix: string, issue: z.core.$ZodIssue): string {
  let path = prefix;
  for (const segment of issue.path) {
    if (typeof segment === "number") path += `[${segment}]`;
    else path += path === "" ? String(segment) : `.${String(segment)}`;
  }
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}
