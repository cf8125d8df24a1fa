import type { SourceStateRepo } from "@/lib/server/store/contract/store-contract";
import type { SourceStateRow } from "@/lib/server/store/contract/store-records";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

interface RawRow {
  id: string;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  note: string | null;
}

/** Times are epoch milliseconds. */
export function createSourceStateRepo(db: SqliteDatabase): SourceStateRepo {
  const select = db.prepare<[string], RawRow>("SELECT * FROM source_state WHERE id = ?");
  const ensure = db.prepare("INSERT OR IGNORE INTO source_state (id) VALUES (?)");
  const attempt = db.prepare("UPDATE source_state SET last_attempt_at = ? WHERE id = ?");
  const success = db.prepare(
    "UPDATE source_state SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, last_error_at = NULL, note = ? WHERE id = ?",
  );
  const failure = db.prepare("UPDATE source_state SET last_attempt_at = ?, last_error = ?, last_error_at = ? WHERE id = ?");

  return {
    async get(id) {
      const row = select.get(id);
      if (!row) return null;
      const state: SourceStateRow = {
        id: row.id,
        lastAttemptAt: row.last_attempt_at,
        lastSuccessAt: row.last_success_at,
        lastError: row.last_error,
        lastErrorAt: row.last_error_at,
        note: row.note,
      };
      return state;
    },
    async recordAttempt(id, at) {
      ensure.run(id);
      attempt.run(at, id);
    },
    async recordSuccess(id, at, note) {
      ensure.run(id);
      success.run(at, at, note, id);
    },
    async recordFailure(id, at, error) {
      ensure.run(id);
      failure.run(at, error.slice(0, 500), at, id);
    },
  };
}

