import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";

export function getUpdateId(update: Pick<PublicUpdateRecord, "key" | "at">): string {
  return `${update.key}_${update.at}`;
}

// Callers may pass RssUpdate (with guid/rawTitle); events carry plain records only.
function toUpdateRecord(update: PublicUpdateRecord): PublicUpdateRecord {
  const { key, at, status, resolved, summary, message, origin } = update;
  return { key, at, status, resolved, summary, message, origin };
}

function mergePair(existing: PublicUpdateRecord, incoming: PublicUpdateRecord): PublicUpdateRecord {
  if (existing.origin === incoming.origin) return incoming;
  const [json, rss] = existing.origin === "currentevents" ? [existing, incoming] : [incoming, existing];
  return {
    ...json,
    summary: json.summary.trim() ? json.summary : rss.summary,
    message: json.message.trim() ? json.message : rss.message,
  };
}

/**
 * Collapses copies of one update (same `${key}_${at}`) into one record. The same update arrives as
 * an RSS item and as a currentevents event_log entry: the currentevents copy's status wins and its
 * text is kept unless empty. Between copies of the same origin the later one in `updates` wins
 * (RSS titles are edited in place). Order of first appearance is kept.
 */
export function mergePublicUpdates(updates: Iterable<PublicUpdateRecord>): PublicUpdateRecord[] {
  const merged = new Map<string, PublicUpdateRecord>();
  for (const update of updates) {
    const id = getUpdateId(update);
    const existing = merged.get(id);
    const record = toUpdateRecord(update);
    merged.set(id, existing ? mergePair(existing, record) : record);
  }
  return [...merged.values()];
}
