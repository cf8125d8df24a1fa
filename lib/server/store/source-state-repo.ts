import type { SqliteDatabase } from "@/lib/server/store/open-database";

export interface SourceStateRow {
  id: string;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  note: string | null;
}

interface RawRow {
  id: string;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  note: string | null;
}

/** Times are epoch milliseconds. */
export function createSourceStateRepo(db: SqliteDatabase) {
  const select = db.prepare<[string], RawRow>("SELECT * FROM source_state WHERE id = ?");
  const ensure = db.prepare("INSERT OR IGNORE INTO source_state (id) VALUES (?)");
  const attempt = db.prepare("UPDATE source_state SET last_attempt_at = ? WHERE id = ?");
  const success = db.prepare(
    "UPDATE source_state SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, last_error_at = NULL, note = ? WHERE id = ?",
  );
  const failure = db.prepare("UPDATE source_state SET last_attempt_at = ?, last_error = ?, last_error_at = ? WHERE id = ?");

  return {
    get(id: string): SourceStateRow | null {
      const row = select.get(id);
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
    recordAttempt(id: string, at: number): void {
      ensure.run(id);
      attempt.run(at, id);
    },
    recordSuccess(id: string, at: number, note: string | null = null): void {
      ensure.run(id);
      success.run(at, at, note, id);
    },
    recordFailure(id: string, at: number, error: string): void {
      ensure.run(id);
      failure.run(at, error.slice(0, 500), at, id);
    },
  };
}

export type SourceStateRepo = ReturnType<typeof createSourceStateRepo>;
