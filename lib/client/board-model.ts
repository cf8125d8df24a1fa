import type { HealthStatus } from "@/lib/shared/health-status";
import { STATUS_ORDER, rankStatus } from "@/lib/shared/health-status-order";
import type { ServiceStatus } from "@/lib/shared/public-status-contract";
import { compareRegions, GLOBAL_REGION_TOKEN } from "@/lib/client/region-label";

/** A column id is a region code, or `global` for services without a region (the filter's token too). */
export type ColumnId = string;

export interface BoardRow {
  service: string;
  name: string;
  worst: HealthStatus;
  /** cells that are not operational */
  problemCount: number;
  cells: ReadonlyMap<ColumnId, ServiceStatus>;
}

export interface BoardModel {
  /** services with any non-operational cell, worst first */
  problemRows: BoardRow[];
  /** services operational everywhere, by name without the Amazon/AWS prefix */
  healthyRows: BoardRow[];
  /** every column with data, Global first */
  allColumns: ColumnId[];
  /** columns holding a non-operational cell */
  problemColumns: ColumnId[];
  /** per-status count of the service-region pairs in view */
  counts: Record<HealthStatus, number>;
  total: number;
}

export function columnOf(region: string | null): ColumnId {
  return region ?? GLOBAL_REGION_TOKEN;
}

export function matchesNameQuery(entry: Pick<ServiceStatus, "name" | "service">, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  return entry.name.toLowerCase().includes(needle) || entry.service.toLowerCase().includes(needle);
}

// "Amazon EC2" and "AWS Lambda" sort under E and L, where people look for them. A plain comparison of lower-cased
// names, not Intl.Collator: creating a collator loads ICU data, tens of milliseconds of a slow phone's hydration, and
// AWS service names are ASCII.
function sortKey(name: string): string {
  return name.replace(/^(amazon|aws)\s+/i, "").toLowerCase();
}

export function compareServiceNames(a: string, b: string): number {
  const left = sortKey(a);
  const right = sortKey(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareProblemRows(a: BoardRow, b: BoardRow): number {
  return (
    rankStatus(b.worst) - rankStatus(a.worst) ||
    b.problemCount - a.problemCount ||
    compareServiceNames(a.name, b.name)
  );
}

export function buildBoardModel(services: readonly ServiceStatus[], query: string): BoardModel {
  const counts = Object.fromEntries(STATUS_ORDER.map((status) => [status, 0])) as Record<HealthStatus, number>;
  const rows = new Map<string, { service: string; name: string; cells: Map<ColumnId, ServiceStatus> }>();
  const columns = new Set<ColumnId>();
  const problemColumns = new Set<ColumnId>();
  let total = 0;
  for (const entry of services) {
    if (!matchesNameQuery(entry, query)) continue;
    const column = columnOf(entry.region);
    let row = rows.get(entry.service);
    if (row === undefined) {
      row = { service: entry.service, name: entry.name, cells: new Map() };
      rows.set(entry.service, row);
    }
    row.cells.set(column, entry);
    columns.add(column);
    if (entry.status !== "operational") problemColumns.add(column);
    counts[entry.status] += 1;
    total += 1;
  }
  const problemRows: BoardRow[] = [];
  const healthyRows: BoardRow[] = [];
  for (const row of rows.values()) {
    let worst: HealthStatus = "operational";
    let problemCount = 0;
    for (const cell of row.cells.values()) {
      if (cell.status === "operational") continue;
      problemCount += 1;
      if (rankStatus(cell.status) > rankStatus(worst)) worst = cell.status;
    }
    (problemCount > 0 ? problemRows : healthyRows).push({ ...row, worst, problemCount });
  }
  problemRows.sort(compareProblemRows);
  healthyRows.sort((a, b) => compareServiceNames(a.name, b.name));
  const sortColumns = (ids: Iterable<ColumnId>) => [...ids].sort(compareRegions);
  return {
    problemRows,
    healthyRows,
    allColumns: sortColumns(columns),
    problemColumns: sortColumns(problemColumns),
    counts,
    total,
  };
}

export interface ColumnChoice {
  /** regions named in the URL filter */
  filterRegions: readonly string[];
  showAllRegions: boolean;
}

/**
 * Columns to draw: every region on request; else the filtered regions; else the regions with something wrong.
 * When nothing is wrong anywhere, all regions, so an expanded healthy grid is never empty.
 */
export function chooseColumns(model: BoardModel, choice: ColumnChoice): ColumnId[] {
  if (choice.showAllRegions) return model.allColumns;
  if (choice.filterRegions.length > 0) return [...choice.filterRegions].sort(compareRegions);
  return model.problemColumns.length > 0 ? model.problemColumns : model.allColumns;
}
