import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";

/**
 * currentevents is authoritative for the numeric level; RSS is the only place an in-place title edit
 * (e.g. a retroactive `[RESOLVED]`) shows up. The newest text wins.
 */
export function mergeUpdate(existing: PublicUpdateRecord, incoming: PublicUpdateRecord): PublicUpdateRecord {
  // AWS never un-resolves an update, so a resolved flag from either source sticks (no flip-flop between polls).
  const resolved = existing.resolved || incoming.resolved;
  const resolvedBy = incoming.resolved ? incoming : existing;
  const json = incoming.origin === "currentevents" ? incoming : existing.origin === "currentevents" ? existing : null;
  const base = json ?? incoming;
  return {
    key: incoming.key,
    at: incoming.at,
    status: resolved ? resolvedBy.status : base.status,
    resolved,
    summary: incoming.summary || existing.summary,
    message: incoming.message || existing.message,
    origin: json ? "currentevents" : "rss",
  };
}

export function isSameUpdate(a: PublicUpdateRecord, b: PublicUpdateRecord): boolean {
  return a.status === b.status && a.resolved === b.resolved && a.summary === b.summary && a.message === b.message && a.origin === b.origin;
}
