import type { AffectedEntity } from "@/lib/shared/account-health-contract";
import { toEntityRowColumns, type EntityRowColumns } from "@/lib/client/account/entity-rows";
import { buildEntitySearchText, findEntityMatches, type EntitySearchText } from "@/lib/client/account/entity-search-text";

export const ENTITY_COLUMNS = ["entity", "arn", "account", "status", "lastUpdated"] as const;
export type EntityColumn = (typeof ENTITY_COLUMNS)[number];
export type SortOrder = "asc" | "desc";

/**
 * Affected resources prepared once for fast filtering: the lowercase search text is built when the rows arrive, and
 * each sort order is computed at most once and cached, so a keystroke is one native scan and one pass over the order.
 */
export interface EntityTableModel {
  rows: EntityRowColumns;
  /** distinct entity statuses, in order of first appearance */
  statuses: readonly string[];
  /** per row: index into `statuses` */
  statusIndex: Int32Array;
  search: EntitySearchText;
  sortCache: Map<string, Int32Array>;
}

export function buildEntityTableModel(input: EntityRowColumns | readonly AffectedEntity[]): EntityTableModel {
  const rows = "count" in input ? input : toEntityRowColumns(input);
  return { rows, statuses: rows.statuses, statusIndex: rows.statusIndex, search: buildEntitySearchText(rows), sortCache: new Map() };
}

const models = new WeakMap<EntityRowColumns, EntityTableModel>();

/** The model of these rows, built once: the rows of a preloaded page can be prepared before the page hydrates. */
export function getEntityTableModel(rows: EntityRowColumns): EntityTableModel {
  let model = models.get(rows);
  if (model === undefined) {
    model = buildEntityTableModel(rows);
    models.set(rows, model);
  }
  return model;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Per row, the text a column sorts by (dictionary columns are looked up, not copied). */
function readSortTexts(rows: EntityRowColumns, column: Exclude<EntityColumn, "lastUpdated">): readonly string[] {
  switch (column) {
    case "entity":
      return rows.values;
    case "arn":
      return rows.arns === null ? new Array<string>(rows.count).fill("") : rows.arns.map((arn) => arn ?? "");
    case "account":
      return Array.from(rows.accountIndex, (index) => rows.accounts[index] ?? "");
    case "status":
      return Array.from(rows.statusIndex, (index) => rows.statuses[index] ?? "");
  }
}

/** True when the values never decrease: the server's default order, which then needs no sort in the browser. */
function isAscending(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i += 1) if (compareText(values[i - 1] as string, values[i] as string) > 0) return false;
  return true;
}

/** Row indices in the given order; ties are broken by entity value ascending, then by arrival. Cached per order. */
export function sortEntityIndices(model: EntityTableModel, column: EntityColumn, order: SortOrder): Int32Array {
  const cacheKey = `${column}:${order}`;
  const cached = model.sortCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const { rows } = model;
  const direction = order === "asc" ? 1 : -1;
  const indices = new Int32Array(rows.count);
  for (let i = 0; i < rows.count; i += 1) indices[i] = i;
  const values = rows.values;
  const valueOf = (index: number) => values[index] as string;
  if (column === "lastUpdated") {
    // Parsed once per distinct instant, not per row.
    const instants = rows.times.map((iso) => {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? -Infinity : ms;
    });
    const times = Float64Array.from(rows.timeIndex, (index) => (index === -1 ? -Infinity : (instants[index] as number)));
    indices.sort((a, b) => direction * ((times[a] as number) - (times[b] as number) || 0) || compareText(valueOf(a), valueOf(b)) || a - b);
  } else if (!(column === "entity" && order === "asc" && isAscending(values))) {
    const keys = readSortTexts(rows, column);
    indices.sort((a, b) => direction * compareText(keys[a] as string, keys[b] as string) || compareText(valueOf(a), valueOf(b)) || a - b);
  }
  model.sortCache.set(cacheKey, indices);
  return indices;
}

export interface EntityFilter {
  /** free text, matched case-insensitively against value, ARN and account */
  q: string;
  /** entity statuses to keep; empty keeps all */
  statuses: readonly string[];
  sort: EntityColumn;
  order: SortOrder;
}

export interface EntityView {
  /** matching row indices in display order */
  rows: Int32Array;
  /** rows matching the text search, per status (before the status filter), so the chips can show counts */
  countsByStatus: Map<string, number>;
  /** rows matching the text search, any status */
  searchMatches: number;
}

export function filterEntityRows(model: EntityTableModel, filter: EntityFilter): EntityView {
  const order = sortEntityIndices(model, filter.sort, filter.order);
  const needle = filter.q.trim().toLowerCase();
  const keep = new Uint8Array(Math.max(model.statuses.length, 1));
  const filterByStatus = filter.statuses.length > 0;
  model.statuses.forEach((status, code) => {
    keep[code] = !filterByStatus || filter.statuses.includes(status) ? 1 : 0;
  });
  const counts = new Uint32Array(Math.max(model.statuses.length, 1));
  const rows = new Int32Array(order.length);
  const { statusIndex } = model;
  const matches = needle === "" ? null : findEntityMatches(model.search, needle, order.length);
  let kept = 0;
  let searchMatches = 0;
  for (let i = 0; i < order.length; i += 1) {
    const row = order[i] as number;
    if (matches !== null && matches[row] === 0) continue;
    const code = statusIndex[row] as number;
    counts[code] = (counts[code] as number) + 1;
    searchMatches += 1;
    if (keep[code] === 1) rows[kept++] = row;
  }
  const countsByStatus = new Map(model.statuses.map((status, code) => [status, counts[code] as number] as const));
  return { rows: rows.subarray(0, kept), countsByStatus, searchMatches };
}
