import { deriveArnEventId, deriveRssEventId } from "@/lib/server/sources/public-status/derive-public-event-id";
import { getUpdateId, mergePublicUpdates } from "@/lib/server/sources/public-status/merge-public-updates";
import type {
  AssembledEvent,
  CurrentEventRecord,
  PublicUpdateRecord,
} from "@/lib/server/domain/public-status-records";

export interface AssemblePublicEventsInput {
  key: string;
  currentEvents: CurrentEventRecord[];
  /** RSS updates and/or stored updates of any origin; other keys are ignored */
  updates: PublicUpdateRecord[];
  /** epoch seconds of the last successful currentevents poll, null if it never succeeded */
  currentEventsCheckedAt: number | null;
}

/** Updates arriving up to an hour after end_time still belong to the event (closing notes). */
export const EVENT_END_GRACE_SECONDS = 3600;
/** RSS-only chains split after a gap longer than this (real events had 57-day gaps, hence currentevents wins). */
export const RSS_EVENT_GAP_SECONDS = 7 * 24 * 3600;
/** currentevents must have been polled this long after an RSS update before its absence there means "closed". */
export const CURRENT_EVENTS_SETTLE_SECONDS = 120;

const newestFirst = (a: { at: number }, b: { at: number }): number => b.at - a.at;

interface EventWindow {
  event: CurrentEventRecord;
  /** last epoch second (inclusive) this event owns; null while it is open */
  end: number | null;
}

// A resolved event normally has end_time. Without it, its own newest update (or the first resolved
// update after its start) bounds it, so it does not swallow a later incident of the same key.
function resolveWindow(event: CurrentEventRecord, candidates: PublicUpdateRecord[]): EventWindow {
  if (event.endedAt !== null) return { event, end: event.endedAt + EVENT_END_GRACE_SECONDS };
  if (!event.resolved) return { event, end: null };
  const ownNewest = event.updates.reduce<number | null>((max, update) => (max === null || update.at > max ? update.at : max), null);
  const closing = candidates
    .filter((update) => update.resolved && update.at >= event.startedAt)
    .reduce<number | null>((min, update) => (min === null || update.at < min ? update.at : min), null);
  const end = ownNewest ?? closing;
  return { event, end: end === null ? null : end + EVENT_END_GRACE_SECONDS };
}

function isInWindow(window: EventWindow, at: number): boolean {
  return at >= window.event.startedAt && (window.end === null || at <= window.end);
}

function buildArnEvent(event: CurrentEventRecord, updates: PublicUpdateRecord[]): AssembledEvent {
  const sorted = [...updates].sort(newestFirst);
  const oldest = sorted.at(-1);
  const resolvingUpdate = sorted.find((update) => update.resolved);
  return {
    id: deriveArnEventId(event.arn),
    arn: event.arn,
    key: event.key,
    status: event.status,
    summary: event.summary || sorted[0]?.summary || "",
    resolved: event.resolved,
    startedAt: Math.min(event.startedAt, oldest?.at ?? event.startedAt),
    endedAt: event.endedAt ?? (event.resolved ? (resolvingUpdate?.at ?? null) : null),
    updates: sorted,
    impacted: event.impacted,
  };
}

/** A resolved update followed this soon by one with the same headline continues the incident. */
export const RETROACTIVE_RESOLVED_SECONDS = 24 * 3600;

function isSameHeadline(a: PublicUpdateRecord, b: PublicUpdateRecord): boolean {
  return a.summary.trim().toLowerCase() === b.summary.trim().toLowerCase();
}

// AWS has edited earlier updates to "[RESOLVED] …" in place (ALL15a → ALL15b, EC2-19 2016), so a
// resolved update only ends the incident when the next one is not the same headline shortly after.
function startsNewEvent(previous: PublicUpdateRecord, next: PublicUpdateRecord, eventStarts: number[]): boolean {
  if (next.at - previous.at > RSS_EVENT_GAP_SECONDS) return true;
  if (eventStarts.some((start) => start > previous.at && start <= next.at)) return true;
  if (!previous.resolved) return false;
  return !(isSameHeadline(previous, next) && next.at - previous.at <= RETROACTIVE_RESOLVED_SECONDS);
}

function groupRssUpdates(updates: PublicUpdateRecord[], eventStarts: number[]): PublicUpdateRecord[][] {
  const groups: PublicUpdateRecord[][] = [];
  let current: PublicUpdateRecord[] = [];
  for (const update of [...updates].sort((a, b) => a.at - b.at)) {
    const previous = current.at(-1);
    if (previous && startsNewEvent(previous, update, eventStarts)) {
      groups.push(current);
      current = [];
    }
    current.push(update);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function buildRssEvent(key: string, chronological: PublicUpdateRecord[], checkedAt: number | null): AssembledEvent | null {
  const first = chronological[0];
  const newest = chronological.at(-1);
  if (!first || !newest) return null;
  // A successful currentevents poll after the newest update that shows no open event owning it
  // means AWS considers the incident closed.
  const isClosedByCurrentEvents = checkedAt !== null && checkedAt > newest.at + CURRENT_EVENTS_SETTLE_SECONDS;
  const resolved = newest.resolved || isClosedByCurrentEvents;
  const summary = [...chronological].reverse().find((update) => update.summary.trim())?.summary ?? "";
  return {
    id: deriveRssEventId(key, first.at),
    arn: null,
    key,
    status: resolved ? "operational" : newest.status,
    summary,
    resolved,
    startedAt: first.at,
    endedAt: newest.resolved ? newest.at : null,
    updates: [...chronological].reverse(),
    impacted: [],
  };
}

/**
 * Builds the events of ONE service key from currentevents (authoritative for open/closed) and
 * updates (RSS and stored). Each update lands in exactly one event, so one incident seen through
 * both sources is one event (reference pitfall 19). Events and their updates are newest first.
 */
export function assemblePublicEvents(input: AssemblePublicEventsInput): AssembledEvent[] {
  const { key } = input;
  const byArn = new Map<string, CurrentEventRecord>();
  for (const event of input.currentEvents) if (event.key === key) byArn.set(event.arn, event);
  const currentEvents = [...byArn.values()].sort((a, b) => b.startedAt - a.startedAt);

  const ownOrigin = currentEvents.flatMap((event) => event.updates.filter((update) => update.key === key));
  const merged = mergePublicUpdates([...input.updates.filter((update) => update.key === key), ...ownOrigin]);

  const ownerOf = new Map<string, string>();
  for (const event of currentEvents) {
    for (const update of event.updates) if (!ownerOf.has(getUpdateId(update))) ownerOf.set(getUpdateId(update), event.arn);
  }
  const windows = currentEvents.map((event) => resolveWindow(event, merged));
  const owned = new Map<string, PublicUpdateRecord[]>(currentEvents.map((event) => [event.arn, []]));
  const loose: PublicUpdateRecord[] = [];
  for (const update of merged) {
    const arn = ownerOf.get(getUpdateId(update)) ?? windows.find((window) => isInWindow(window, update.at))?.event.arn;
    const bucket = arn === undefined ? undefined : owned.get(arn);
    if (bucket) bucket.push(update);
    else loose.push(update);
  }

  const events = currentEvents.map((event) => buildArnEvent(event, owned.get(event.arn) ?? []));
  const eventStarts = currentEvents.map((event) => event.startedAt);
  for (const group of groupRssUpdates(loose, eventStarts)) {
    const event = buildRssEvent(key, group, input.currentEventsCheckedAt);
    if (event) events.push(event);
  }
  return events.sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
}
