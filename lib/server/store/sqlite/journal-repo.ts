import { buildJournalWhere, toJournalEntry, type JournalRow } from "@/lib/server/store/common/journal-rows";
import type { JournalReader, JournalWriter } from "@/lib/server/store/contract/journal-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

/** SQLite has one writer at a time, so ids are handed out in commit order without a lock of our own. */
export function createJournalRepo(db: SqliteDatabase): JournalReader & JournalWriter {
  const insert = db.prepare(
    "INSERT INTO journal (at, kind, subject_json, summary_json, region, service, account_id, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const selectLatest = db.prepare<[], { id: number | null }>("SELECT MAX(id) AS id FROM journal");
  const selectSequence = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'journal'");
  const prune = db.prepare("DELETE FROM journal WHERE at < ?");

  return {
    async append(entries) {
      return entries.map((entry) => {
        const { scope } = entry;
        const result = insert.run(entry.at, entry.kind, JSON.stringify(entry.subject), JSON.stringify(entry.summary), scope.region, scope.service, scope.accountId, scope.category);
        return Number(result.lastInsertRowid);
      });
    },
    async read(after, limit, filter) {
      const { where, params } = buildJournalWhere(after, filter, () => "?");
      return db
        .prepare<unknown[], JournalRow>(`SELECT * FROM journal WHERE ${where} ORDER BY id LIMIT ?`)
        .all(...params, limit)
        .map(toJournalEntry);
    },
    async latestId() {
      // After pruning everything, the sequence still knows the last id handed out.
      return selectLatest.get()?.id ?? selectSequence.get()?.seq ?? 0;
    },
    async prune(beforeMs) {
      return prune.run(beforeMs).changes;
    },
  };
}
