import { buildJournalWhere, toJournalEntry, type JournalRow } from "@/lib/server/store/common/journal-rows";
import type { JournalReader, JournalWriter } from "@/lib/server/store/contract/journal-contract";
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

/**
 * Appenders update the one journal_head row and hold its lock until COMMIT: transactions that append commit one
 * after another, in id order, so a reader of `id > after` never skips an id that commits later. journal_head keeps
 * the last id ever given out (never reused after a prune); it rolls back with the transaction, so ids have no gaps.
 */
export function createPgJournalRepo(db: Queryable): JournalReader & JournalWriter {
  return {
    async read(after, limit, filter) {
      const { where, params } = buildJournalWhere(after, filter, (index) => `$${index}`);
      const rows = await selectRows<JournalRow>(db, `SELECT * FROM journal WHERE ${where} ORDER BY id LIMIT $${params.length + 1}`, [...params, limit]);
      return rows.map(toJournalEntry);
    },
    async latestId() {
      return (await selectRow<{ last_id: number }>(db, "SELECT last_id FROM journal_head"))?.last_id ?? 0;
    },
    async append(entries) {
      if (entries.length === 0) return [];
      // The row lock that UPDATE takes on journal_head is held to COMMIT: appenders queue there, so ids are handed
      // out in commit order and a reader of `id > N` never skips one that commits later. One statement, one trip.
      const appended = await selectRows<{ id: number }>(
        db,
        `WITH head AS (UPDATE journal_head SET last_id = last_id + $1 RETURNING last_id)
         INSERT INTO journal (id, at, kind, subject_json, summary_json, region, service, account_id, category)
         SELECT head.last_id - $1 + entry.ord, entry.at, entry.kind, entry.subject_json, entry.summary_json, entry.region, entry.service,
           entry.account_id, entry.category
         FROM head, unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           WITH ORDINALITY AS entry(at, kind, subject_json, summary_json, region, service, account_id, category, ord)
         RETURNING id`,
        [
          entries.length,
          entries.map((entry) => entry.at),
          entries.map((entry) => entry.kind),
          entries.map((entry) => JSON.stringify(entry.subject)),
          entries.map((entry) => JSON.stringify(entry.summary)),
          entries.map((entry) => entry.scope.region),
          entries.map((entry) => entry.scope.service),
          entries.map((entry) => entry.scope.accountId),
          entries.map((entry) => entry.scope.category),
        ],
      );
      if (appended.length !== entries.length) throw new Error("journal_head is missing: the journal migration did not run");
      return appended.map((row) => Number(row.id)).sort((a, b) => a - b);
    },
    prune(beforeMs) {
      return execute(db, "DELETE FROM journal WHERE at < $1", [beforeMs]);
    },
  };
}
