import type { EntityQuery } from "@/lib/server/store/contract/store-records";

/** A LIKE pattern matching `search` anywhere, with `\`, `%` and `_` taken literally (`\` is PostgreSQL's default escape). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// SQLite sorts NULL first ascending and last descending; PostgreSQL does the opposite unless told.
const SORT_ORDER: Record<EntityQuery["sort"], { column: string; isNullable: boolean }> = {
  entity: { column: "entity_value", isNullable: false },
  status: { column: "status", isNullable: false },
  account: { column: "account_id", isNullable: true },
  lastUpdated: { column: "last_updated_time", isNullable: true },
};

export interface PgEntityQuerySql {
  where: string;
  values: unknown[];
  order: string;
}

/**
 * WHERE and ORDER BY of one event's entities, as buildEntityQuerySql builds them for SQLite: the columns are
 * COLLATE "C", so ILIKE folds ASCII only and text sorts bytewise, as in SQLite. Ties by entity key, ascending.
 */
export function buildPgEntityQuerySql(eventId: string, query: Pick<EntityQuery, "search" | "statuses" | "sort" | "descending">): PgEntityQuerySql {
  const values: unknown[] = [eventId];
  const where = ["event_id = $1"];
  if (query.statuses.length) {
    values.push([...query.statuses]);
    where.push(`status = ANY($${values.length}::text[])`);
  }
  if (query.search) {
    values.push(likePattern(query.search));
    const like = `$${values.length}`;
    where.push(`(entity_value ILIKE ${like} OR entity_arn ILIKE ${like} OR account_id ILIKE ${like})`);
  }
  const { column, isNullable } = SORT_ORDER[query.sort];
  const nulls = isNullable ? (query.descending ? " NULLS LAST" : " NULLS FIRST") : "";
  return { where: where.join(" AND "), values, order: `${column} ${query.descending ? "DESC" : "ASC"}${nulls}, entity_key` };
}
