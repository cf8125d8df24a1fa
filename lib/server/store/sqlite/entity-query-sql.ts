import type { EntityQuery } from "@/lib/server/store/contract/store-records";

const SORT_COLUMNS: Record<EntityQuery["sort"], string> = {
  entity: "entity_value",
  status: "status",
  account: "account_id",
  lastUpdated: "last_updated_time",
};

export interface EntityQuerySql {
  where: string;
  params: unknown[];
  order: string;
}

/** WHERE and ORDER BY of one event's entities under a search, status filter and sort (ties by entity key). */
export function buildEntityQuerySql(eventId: string, query: Pick<EntityQuery, "search" | "statuses" | "sort" | "descending">): EntityQuerySql {
  const where = ["event_id = ?"];
  const params: unknown[] = [eventId];
  if (query.statuses.length) {
    where.push(`status IN (${query.statuses.map(() => "?").join(",")})`);
    params.push(...query.statuses);
  }
  if (query.search) {
    where.push("(entity_value LIKE ? ESCAPE '\\' OR entity_arn LIKE ? ESCAPE '\\' OR account_id LIKE ? ESCAPE '\\')");
    const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  return { where: where.join(" AND "), params, order: `${SORT_COLUMNS[query.sort]} ${query.descending ? "DESC" : "ASC"}, entity_key` };
}
