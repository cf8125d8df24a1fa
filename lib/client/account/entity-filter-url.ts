import { readQueryParam } from "@/lib/shared/read-query-param";
import { ENTITY_COLUMNS, type EntityColumn, type EntityFilter } from "@/lib/client/account/entity-table-model";

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const DEFAULT_ENTITY_FILTER: EntityFilter = { q: "", statuses: [], sort: "entity", order: "asc" };
const MAX_Q = 200;
const STATUS_CODE = /^[A-Za-z_]{2,20}$/;

/** The resource table's state on the event page URL (`?q=&status=&sort=&order=`); bad values fall back quietly. */
export function parseEntityFilterUrl(input: QueryInput): EntityFilter {
  const q = (readQueryParam(input, "q") ?? "").slice(0, MAX_Q);
  const statuses = [
    ...new Set(
      (readQueryParam(input, "status") ?? "")
        .split(",")
        .map((part) => part.trim().toUpperCase())
        .filter((part) => STATUS_CODE.test(part)),
    ),
  ].slice(0, 10);
  const rawSort = readQueryParam(input, "sort");
  const sort: EntityColumn = ENTITY_COLUMNS.find((column) => column === rawSort) ?? "entity";
  const order = readQueryParam(input, "order") === "desc" ? "desc" : "asc";
  return { q, statuses, sort, order };
}

export function serializeEntityFilter(filter: EntityFilter): string {
  const params = new URLSearchParams();
  if (filter.q.trim() !== "") params.set("q", filter.q);
  if (filter.statuses.length > 0) params.set("status", filter.statuses.join(","));
  if (filter.sort !== DEFAULT_ENTITY_FILTER.sort) params.set("sort", filter.sort);
  if (filter.order !== DEFAULT_ENTITY_FILTER.order) params.set("order", filter.order);
  return params.toString().replaceAll("%2C", ",");
}
