import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import type { PublicUpdatesRepo } from "@/lib/server/store/contract/store-contract";
import { mergeUpdate } from "@/lib/server/store/common/merge-public-update";
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";
import { toPublicUpdate, type PublicUpdateRow } from "@/lib/server/store/common/public-status-rows";

const SELECT_UPDATE = "SELECT key, at, status, resolved, summary, message, origin FROM public_updates WHERE key = $1 AND at = $2";

const isUnchanged = (merged: PublicUpdateRecord, existing: PublicUpdateRow) =>
  merged.status === existing.status &&
  (merged.resolved ? 1 : 0) === existing.resolved &&
  merged.summary === existing.summary &&
  merged.message === existing.message &&
  merged.origin === existing.origin;

/** One row per update (`key` + epoch seconds); RSS and currentevents copies of one update merge (see mergeUpdate). */
export function createPgPublicUpdatesRepo(db: Queryable): PublicUpdatesRepo {
  return {
    async upsert(record, nowSeconds) {
      // A plain read first: an unchanged update takes no lock, so the transaction stays read-only.
      const unlocked = await selectRow<PublicUpdateRow>(db, SELECT_UPDATE, [record.key, record.at]);
      if (unlocked && isUnchanged(mergeUpdate(toPublicUpdate(unlocked), record), unlocked)) return false;
      let existing = await selectRow<PublicUpdateRow>(db, `${SELECT_UPDATE} FOR UPDATE`, [record.key, record.at]);
      if (!existing) {
        const inserted = await execute(
          db,
          `INSERT INTO public_updates (key, at, status, resolved, summary, message, origin, first_seen_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key, at) DO NOTHING`,
          [record.key, record.at, record.status, record.resolved ? 1 : 0, record.summary, record.message, record.origin, nowSeconds],
        );
        if (inserted === 1) return true;
        // Another transaction created the row meanwhile: merge into its copy.
        existing = await selectRow<PublicUpdateRow>(db, `${SELECT_UPDATE} FOR UPDATE`, [record.key, record.at]);
        if (!existing) throw new Error(`public update ${record.key}@${record.at} vanished during upsert`);
      }
      const merged = mergeUpdate(toPublicUpdate(existing), record);
      if (isUnchanged(merged, existing)) return false;
      await execute(
        db,
        "UPDATE public_updates SET status = $1, resolved = $2, summary = $3, message = $4, origin = $5 WHERE key = $6 AND at = $7",
        [merged.status, merged.resolved ? 1 : 0, merged.summary, merged.message, merged.origin, record.key, record.at],
      );
      return true;
    },
    async listForKey(key) {
      const rows = await selectRows<PublicUpdateRow>(db, "SELECT * FROM public_updates WHERE key = $1 ORDER BY at", [key]);
      return rows.map(toPublicUpdate);
    },
  };
}
