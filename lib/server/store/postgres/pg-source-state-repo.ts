import type { SourceStateRepo } from "@/lib/server/store/contract/store-contract";
import { execute, selectRow, type Queryable } from "@/lib/server/store/postgres/queryable";

interface RawRow {
  id: string;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  note: string | null;
}

/** Times are epoch milliseconds. One upsert per call, so concurrent first writes of a source never collide. */
export function createPgSourceStateRepo(db: Queryable): SourceStateRepo {
  return {
    async get(id) {
      const row = await selectRow<RawRow>(db, "SELECT * FROM source_state WHERE id = $1", [id]);
      if (!row) return null;
      return {
        id: row.id,
        lastAttemptAt: row.last_attempt_at,
        lastSuccessAt: row.last_success_at,
        lastError: row.last_error,
        lastErrorAt: row.last_error_at,
        note: row.note,
      };
    },
    async recordAttempt(id, at) {
      await execute(
        db,
        `INSERT INTO source_state (id, last_attempt_at) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at`,
        [id, at],
      );
    },
    async recordSuccess(id, at, note) {
      await execute(
        db,
        `INSERT INTO source_state (id, last_attempt_at, last_success_at, note) VALUES ($1, $2, $2, $3)
         ON CONFLICT (id) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at, last_success_at = EXCLUDED.last_success_at,
           last_error = NULL, last_error_at = NULL, note = EXCLUDED.note`,
        [id, at, note],
      );
    },
    async recordFailure(id, at, error) {
      await execute(
        db,
        `INSERT INTO source_state (id, last_attempt_at, last_error, last_error_at) VALUES ($1, $2, $3, $2)
         ON CONFLICT (id) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at, last_error = EXCLUDED.last_error,
           last_error_at = EXCLUDED.last_error_at`,
        [id, at, error.slice(0, 500)],
      );
    },
  };
}
