import type { AffectedEntity } from "@/lib/shared/account-health-contract";

export const ENTITY_COLUMNS = ["entity", "arn", "account", "status", "lastUpdated"] as const;
export type EntityColumn = (typeof ENTITY_COLUMNS)[number];
export type SortOrder = "asc" | "desc";

/**
 * Affected resources prepared once for fast filtering: lowercase search keys and status codes are computed when the
 * rows arrive, and each sort order is computed at most once and cached, so a keystroke is a single linear scan.
 */
export interface EntityTableModel {
  entities: readonly AffectedEntity[];
  /** distinct entity statuses, in order of first appearance */
  statuses: readonly string[];
  /** per row: index into `statuses` */
  statusIndex: Uint16Array;
  /** per row: value, ARN and account lowercased, separated by NUL so a match never spans two fields */
  searchKeys: readonly string[];
  sortCache: Map<string, Int32Array>;
}

export function buildEntityTableModel(entities: readonly AffectedEntity[]): EntityTableModel {
  const statuses: string[] = [];
  const statusLookup = new Map<string, number>();
  const statusIndex = new Uint16Array(entities.length);
  const searchKeys = new Array<string>(entities.length);
  for (let i = 0; i < entities.length; i += 1) {
    const entity = entities[i] as AffectedEntity;
    let code = statusLookup.get(entity.status);
    if (code === undefined) {
      code = statuses.length;
      statuses.push(entity.status);
      statusLookup.set(entity.status, code);
    }
    statusIndex[i] = code;
    searchKeys[i] = `${entity.entityValue}\u0000${entity.entityArn ?? ""}\u0000${entity.accountId ?? ""}`.toLowerCase();
  }
  return { entities, statuses, statusIndex, searchKeys, sortCache: new Map() };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readSortText(entity: AffectedEntity, column: Exclude<EntityColumn, "lastUpdated">): string {
  switch (column) {
    case "entity":
      return entity.entityValue;
    case "arn":
      return entity.entityArn ?? "";
    case "account":
      return entity.accountId ?? "";
    case "status":
      return entity.status;
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
  const { entities } = model;
  const count = entities.length;
  const direction = order === "asc" ? 1 : -1;
  const indices = new Int32Array(count);
  for (let i = 0; i < count; i += 1) indices[i] = i;
  const values = entities.map((entity) => entity.entityValue);
  const valueOf = (index: number) => values[index] as string;
  if (column === "lastUpdated") {
    const times = new Float64Array(count);
    entities.forEach((entity, i) => {
      const ms = entity.lastUpdatedTime === null ? Number.NaN : Date.parse(entity.lastUpdatedTime);
      times[i] = Number.isNaN(ms) ? -Infinity : ms;
    });
    indices.sort((a, b) => direction * ((times[a] as number) - (times[b] as number) || 0) || compareText(valueOf(a), valueOf(b)) || a - b);
  } else if (!(column === "entity" && order === "asc" && isAscending(values))) {
    const keys = column === "entity" ? values : entities.map((entity) => readSortText(entity, column));
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
  const { searchKeys, statusIndex } = model;
  let kept = 0;
  let searchMatches = 0;
  for (let i = 0; i < order.length; i += 1) {
    const row = order[i] as number;
    if (needle !== "" && !(searchKeys[row] as string).includes(needle)) continue;
    const code = statusIndex[row] as number;
    counts[code] = (counts[code] as number) + 1;
    searchMatches += 1;
    if (keep[code] === 1) rows[kept++] = row;
  }
  const countsByStatus = new Map(model.statuses.map((status, code) => [status, counts[code] as number] as const));
  return { rows: rows.subarray(0, kept), countsByStatus, searchMatches };
}
