import { JOURNAL_KINDS, type JournalEntry, type JournalKind, type JournalReader, type JournalWriter } from "@/lib/server/store/contract/journal-contract";
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";


interface RawRow {
  id: number;
  at: number;
  kind: string;
  subject_json: string;
  summary_json: string;
  region: string | null;
  service: string | null;
  account_id: string | null;
  category: string | null;
}

/** A kind this version does not know was written by a newer replica (a rolling upgrade): passed on as written. */
function toKind(kind: string): JournalKind {
  return JOURNAL_KINDS.find((candidate) => candidate === kind) ?? (kind as JournalKind);
}

/** JSON this repository wrote itself from typed values (subject, summary): it parses back to the same type. */
function readOwnJson<T>(json: string): T {
  return JSON.parse(json) as T;
}

function toEntry(row: RawRow): JournalEntry {
  return {
    id: row.id,
    at: row.at,
    kind: toKind(row.kind),
    subject: readOwnJson<JournalEntry["subject"]>(row.subject_json),
    summary: readOwnJson<JournalEntry["summary"]>(row.summary_json),
    scope: { region: row.region, service: row.service, accountId: row.account_id, category: row.category },
  };
}

/**
 * Appenders take a transaction advisory lock, held until COMMIT: transactions that append commit one after
 * another, in id order, so a reader of `id > after` never skips an id that commits later. journal_head keeps the
 * last id ever given out (never reused after a prune); it rolls back with the transaction, so ids have no gaps.
 */
export function createPgJournalRepo(db: Queryable): JournalReader & JournalWriter {
  return {
    async read(after, limit, filter) {
      const values: unknown[] = [after];
      const where = ["id > $1"];
      const narrow = (column: string, list: readonly string[]) => {
        if (list.length === 0) return;
        values.push([...list]);
        where.push(`(${column} IS NULL OR ${column} = ANY($${values.length}::text[]))`);
      };
      narrow("region", filter.regions);
      narrow("LOWER(service)", filter.services.map((service) => service.toLowerCase()));
      narrow("account_id", filter.accounts);
      narrow("category", filter.categories);
      values.push(limit);
      const rows = await selectRows<RawRow>(db, `SELECT * FROM journal WHERE ${where.join(" AND ")} ORDER BY id LIMIT $${values.length}`, values);
      return rows.map(toEntry);
    },
    async latestId() {
      return (await selectRow<{ last_id: number }>(db, "SELECT last_id FROM journal_head"))?.last_id ?? 0;
    },
    async append(entries) {
      if (entries.length === 0) return;
      // The row lock that UPDATE takes on journal_head is held to COMMIT: appenders queue there, so ids are handed
      // out in commit order and a reader of `id > N` never skips one that commits later. One statement, one trip.
      const appended = await execute(
        db,
        `WITH head AS (UPDATE journal_head SET last_id = last_id + $1 RETURNING last_id)
         INSERT INTO journal (id, at, kind, subject_json, summary_json, region, service, account_id, category)
         SELECT head.last_id - $1 + entry.ord, entry.at, entry.kind, entry.subject_json, entry.summary_json, entry.region, entry.service,
           entry.account_id, entry.category
         FROM head, unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           WITH ORDINALITY AS entry(at, kind, subject_json, summary_json, region, service, account_id, category, ord)`,
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
      if (appended !== entries.length) throw new Error("journal_head is missing: the journal migration did not run");
    },
    prune(beforeMs) {
      return execute(db, "DELETE FROM journal WHERE at < $1", [beforeMs]);
    },
  };
}
