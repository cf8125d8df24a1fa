"use client";

import { useId, useRef, useState } from "react";
import { chooseColumns, type BoardModel } from "@/lib/client/board-model";
import { STICKY_CELL } from "@/components/board/grid-row";
import { WINDOW_FROM_ROWS, WindowedRows } from "@/components/board/windowed-rows";
import { useRegionNames } from "@/components/ui/region-names-context";
import { StatusIcon } from "@/components/ui/status-icon";

const numberFormat = new Intl.NumberFormat("en-US");
// The service column is narrower on a phone (the --grid-service-col class on the scroll container).
const REGION_COLUMN_REM = 7.5;

interface StatusGridProps {
  model: BoardModel;
  filterRegions: readonly string[];
  /** the name search; when set, matching healthy services show without unfolding */
  query: string;
}

export function StatusGrid({ model, filterRegions, query }: StatusGridProps) {
  const [showAllRegions, setShowAllRegions] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const healthyId = useId();
  const regionNames = useRegionNames();
  const scrollRef = useRef<HTMLDivElement>(null);
  const searching = query.trim() !== "";
  const showHealthy = expanded || searching;
  const columns = chooseColumns(model, { filterRegions, showAllRegions });
  const regionCount = model.allColumns.length;
  const healthyCount = model.healthyRows.length;
  // A long grid scrolls inside its own box, where the header row and the service column stay in view.
  const tall = showHealthy || model.problemRows.length > WINDOW_FROM_ROWS;
  // header row, problem rows, the disclosure row (absent while searching), then healthy rows
  const disclosureIndex = model.problemRows.length + 2;
  const firstHealthyIndex = searching ? disclosureIndex : disclosureIndex + 1;
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
        {regionCount > 1 && (
          <button
            type="button"
            aria-pressed={showAllRegions}
            onClick={() => setShowAllRegions((value) => !value)}
            className="rounded-md border border-gray-300 px-3 py-1 font-medium hover:bg-gray-100 aria-pressed:bg-gray-900 aria-pressed:text-white dark:border-gray-700 dark:hover:bg-gray-800 dark:aria-pressed:bg-gray-100 dark:aria-pressed:text-gray-950"
          >
            Show all {regionCount} regions
          </button>
        )}
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label="Status by service and region (scrolls)"
        tabIndex={0}
        className={`w-fit max-w-full overflow-auto [--grid-service-col:10.5rem] sm:[--grid-service-col:17rem] rounded-md border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900 ${tall ? "max-h-[80vh]" : ""}`}
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
          <tbody>
            <WindowedRows rows={model.problemRows} columns={columns} scrollRef={scrollRef} firstIndex={2} />
          </tbody>
          {healthyCount > 0 && (
            <tbody id={healthyId}>
              {!searching && (
                <tr aria-rowindex={disclosureIndex} className="*:border-b *:border-gray-200 dark:*:border-gray-700">
                  <th scope="rowgroup" colSpan={columns.length + 1} className="p-0 text-left font-normal">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-controls={healthyId}
                      onClick={() => setExpanded((value) => !value)}
                      className={`${STICKY_CELL} flex items-center gap-2 px-3 py-2 font-medium text-emerald-800 hover:underline dark:text-emerald-300`}
                    >
                      <StatusIcon status="operational" className="size-4" />
                      {expanded
                        ? `Hide the ${numberFormat.format(healthyCount)} services operational in all regions`
                        : `${numberFormat.format(healthyCount)} more services operational in all regions — show`}
                    </button>
                  </th>
                </tr>
              )}
              {showHealthy && <WindowedRows rows={model.healthyRows} columns={columns} scrollRef={scrollRef} firstIndex={firstHealthyIndex} />}
            </tbody>
          )}
        </table>
      </div>
    </div>
  );
}
