import { memo } from "react";
import type { BoardRow, ColumnId } from "@/lib/client/board-model";
import { formatRegionLabel } from "@/lib/client/region-label";
import { GridCell } from "@/components/board/grid-cell";

export const STICKY_CELL = "sticky left-0 z-10 bg-white dark:bg-gray-900";

interface GridRowProps {
  row: BoardRow;
  columns: readonly ColumnId[];
  /** 1-based position in the whole table, for screen readers when only some rows are rendered */
  rowIndex: number;
  regionNames: Readonly<Record<string, string>>;
}

/** One service's row; no hooks, so the server renders it (the board's first paint) as well as the browser. */
export const GridRow = memo(function GridRow({ row, columns, rowIndex, regionNames }: GridRowProps) {
  return (
    <tr aria-rowindex={rowIndex} className="hover:bg-gray-50 *:border-b *:border-gray-100 dark:hover:bg-gray-800/50 dark:*:border-gray-800">
      <th scope="row" title={`${row.name} (${row.service})`} className={`${STICKY_CELL} truncate px-3 py-1.5 text-left font-normal`}>
        <span className="font-medium">{row.name}</span> <span className="font-mono text-xs text-gray-600 dark:text-gray-400">{row.service}</span>
      </th>
      {columns.map((column) => (
        <GridCell key={column} serviceName={row.name} regionLabel={formatRegionLabel(column, regionNames)} entry={row.cells.get(column)} />
      ))}
    </tr>
  );
});
