import { healthStatusSchema } from "@/lib/shared/health-status";
import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import type { SqliteDatabase } from "@/lib/server/store/open-database";

interface RawRow {
  key: string;
  at: number;
  status: string;
  resolved: number;
  summary: string;
  message: string;
  origin: string;
}

function toRecord(row: RawRow): PublicUpdateRecord {
  return {
    key: row.key,
    at: row.at,
    status: healthStatusSchema.catch("unknown").parse(row.status),
    resolved: row.resolved === 1,
    summary: row.summary,
    message: row.message,
    origin: row.origin === "rss" ? "rss" : "currentevents",
  };
}

/**
 * One row per update, keyed like the RSS guid fragment (`key` + epoch). The same update reaching us
 * from RSS and from currentevents lands on one row; an RSS item edited in place updates its row.
 */
export function createPublicUpdatesRepo(db: SqliteDatabase) {
  const select = db.prepare<[string, number], RawRow>("SELECT * FROM public_updates WHERE key = ? AND at = ?");
  const selectForKey = db.prepare<[string], RawRow>("SELECT * FROM public_updates WHERE key = ? ORDER BY at");
  const insert = db.prepare(
    "INSERT INTO public_updates (key, at, status, resolved, summary, message, origin, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const update = db.prepare(
    "UPDATE public_updates SET status = ?, resolved = ?, summary = ?, message = ?, origin = ? WHERE key = ? AND at = ?",
  );

  /** Returns true when the row was created or its content changed. */
  function upsert(record: PublicUpdateRecord, now: number): boolean {
    const existing = select.get(record.key, record.at);
    if (!existing) {
      insert.run(record.key, record.at, record.status, record.resolved ? 1 : 0, record.summary, record.message, record.origin, now);
      return true;
    }
    const merged = mergeUpdate(toRecord(existing), record);
    const unchanged =
      merged.status === existing.status &&
      (merged.resolved ? 1 : 0) === existing.resolved &&
      merged.summary === existing.summary &&
      merged.message === existing.message &&
      merged.origin === existing.origin;
    if (unchanged) return false;
    update.run(merged.status, merged.resolved ? 1 : 0, merged.summary, merged.message, merged.origin, record.key, record.at);
    return true;
  }

  return {
    upsert,
    listForKey(key: string): PublicUpdateRecord[] {
      return selectForKey.all(key).map(toRecord);
    },
  };
}

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

export type PublicUpdatesRepo = ReturnType<typeof createPublicUpdatesRepo>;
