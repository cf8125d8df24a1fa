import type { ReactNode, Ref } from "react";
import { type BoardModel, type ColumnId } from "@/lib/client/board-model";
import { HealthyRowsToggle, ShowAllRegionsButton } from "@/components/board/grid-controls";

// The service column is narrower on a phone (the --grid-service-col class on the scroll container).
const REGION_COLUMN_REM = 7.5;
/** Below this many rows a group renders them all; above, only those in the scroll container's view. */
export const WINDOW_FROM_ROWS = 60;
/** One grid per page: the disclosure names the healthy rows' group by this id. */
export const HEALTHY_ROWS_ID = "board-healthy-services";

interface GridTableProps {
  model: BoardModel;
  columns: readonly ColumnId[];
  regionNames: Readonly<Record<string, string>>;
  query: string;
  showHealthy: boolean;
  /** a long grid scrolls inside its own box, where the header row and the service column stay in view */
  isTall: boolean;
  problemRows: ReactNode;
  healthyRows: ReactNode;
  scrollRef?: Ref<HTMLDivElement>;
}

/**
 * The board's grid around its rows. No hooks: the server renders it for the first paint (its buttons are small client
 * islands), and the browser renders the same markup once the viewer searches or unfolds.
 */
export function GridTable({ model, columns, regionNames, query, showHealthy, isTall, problemRows, healthyRows, scrollRef }: GridTableProps) {
  const searching = query.trim() !== "";
  const regionCount = model.allColumns.length;
  const healthyCount = model.healthyRows.length;
  const disclosureIndex = model.problemRows.length + 2;
  const rowCount = 1 + model.problemRows.length + (healthyCount > 0 && !searching ? 1 : 0) + (showHealthy ? healthyCount : 0);

  if (model.total === 0) {
    return <p className="rounded-md border border-gray-200 p-6 text-center dark:border-gray-800">No services match the current filter{searching ? ` and the search “${query}”` : ""}.</p>;
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-gray-700 dark:text-gray-300">
          {model.problemRows.length === 0
            ? "Every service in view is operational."
            : `${model.problemRows.length} ${model.problemRows.length === 1 ? "service has" : "services have"} a problem in at least one region.`}{" "}
          Showing {columns.length} of {regionCount} {regionCount === 1 ? "region" : "regions"}.
        </p>
        {regionCount > 1 && <ShowAllRegionsButton regionCount={regionCount} />}
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label="Status by service and region (scrolls)"
        tabIndex={0}
        className={`w-fit max-w-full overflow-auto [--grid-service-col:10.5rem] sm:[--grid-service-col:17rem] rounded-md border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900 ${isTall ? "max-h-[80vh]" : ""}`}
      >
        {/* Fixed layout: the browser need not measure thousands of cells to size the columns. */}
        <table
          aria-rowcount={rowCount}
          className="table-fixed border-separate border-spacing-0 text-sm"
          style={{ width: `calc(var(--grid-service-col) + ${columns.length * REGION_COLUMN_REM}rem)` }}
        >
          <colgroup>
            <col style={{ width: "var(--grid-service-col)" }} />
            {columns.map((column) => (
              <col key={column} style={{ width: `${REGION_COLUMN_REM}rem` }} />
            ))}
          </colgroup>
          <caption className="sr-only">Status of each service (rows) in each region (columns); services with problems first.</caption>
          <thead className="sticky top-0 z-20 bg-gray-100 dark:bg-gray-800">
            <tr aria-rowindex={1}>
              <th scope="col" className="sticky left-0 z-30 bg-gray-100 px-3 py-2 text-left font-semibold dark:bg-gray-800">
                Service
              </th>
              {columns.map((column) => (
                <th key={column} scope="col" title={column === "global" ? "Services without a region" : regionNames[column]} className="px-2 py-2 text-center font-mono text-xs font-semibold whitespace-nowrap">
                  {column === "global" ? "Global" : column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{problemRows}</tbody>
          {healthyCount > 0 && (
            <tbody id={HEALTHY_ROWS_ID}>
              {!searching && (
                <tr aria-rowindex={disclosureIndex} className="*:border-b *:border-gray-200 dark:*:border-gray-700">
                  <th scope="rowgroup" colSpan={columns.length + 1} className="p-0 text-left font-normal">
                    <HealthyRowsToggle healthyCount={healthyCount} controlsId={HEALTHY_ROWS_ID} />
                  </th>
                </tr>
              )}
              {showHealthy && healthyRows}
            </tbody>
          )}
        </table>
      </div>
    </div>
  );
}
