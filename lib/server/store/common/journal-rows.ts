import type { JournalEntry, JournalFilter, JournalKind } from "@/lib/server/store/contract/journal-contract";

export interface JournalRow {
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

/** Rows are ours; a kind this version does not know (written by a newer replica) is passed on as written. */
export function toJournalEntry(row: JournalRow): JournalEntry {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind as JournalKind,
    subject: JSON.parse(row.subject_json) as JournalEntry["subject"],
    summary: JSON.parse(row.summary_json) as JournalEntry["summary"],
    scope: { region: row.region, service: row.service, accountId: row.account_id, category: row.category },
  };
}

/** WHERE clause of a filtered read; `placeholder(i)` renders the i-th parameter (`?` or `$n`). */
export function buildJournalWhere(after: number, filter: JournalFilter, placeholder: (index: number) => string): { where: string; params: unknown[] } {
  const params: unknown[] = [after];
  const where = [`id > ${placeholder(1)}`];
  const list = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    const marks = values.map((value) => {
      params.push(value);
      return placeholder(params.length);
    });
    where.push(`(${column} IS NULL OR ${column} IN (${marks.join(", ")}))`);
  };
  list("region", filter.regions);
  list("LOWER(service)", filter.services.map((service) => service.toLowerCase()));
  list("account_id", filter.accounts);
  list("category", filter.categories);
  return { where: where.join(" AND "), params };
}
