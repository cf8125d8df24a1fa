import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import { mergeUpdate } from "@/lib/server/store/common/merge-public-update";
import type { PublicUpdatesRepo } from "@/lib/server/store/contract/store-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";
import { toPublicUpdate, type PublicUpdateRow } from "@/lib/server/store/common/public-status-rows";

/**
 * One row per update, keyed like the RSS guid fragment (`key` + epoch). The same update reaching us
 * from RSS and from currentevents lands on one row; an RSS item edited in place updates its row.
 */
export function createPublicUpdatesRepo(db: SqliteDatabase): PublicUpdatesRepo {
  const select = db.prepare<[string, number], PublicUpdateRow>("SELECT * FROM public_updates WHERE key = ? AND at = ?");
  const selectForKey = db.prepare<[string], PublicUpdateRow>("SELECT * FROM public_updates WHERE key = ? ORDER BY at");
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
    const merged = mergeUpdate(toPublicUpdate(existing), record);
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
    upsert: async (record, now) => upsert(record, now),
    async listForKey(key) {
      return selectForKey.all(key).map(toPublicUpdate);
    },
  };
}
