import { chooseColumns, type BoardModel } from "@/lib/client/board-model";
import { GridRow } from "@/components/board/grid-row";
import { GridTable, WINDOW_FROM_ROWS } from "@/components/board/grid-table";

interface ServerStatusGridProps {
  model: BoardModel;
  filterRegions: readonly string[];
  regionNames: Readonly<Record<string, string>>;
}

/** Whether the server can render the board's first grid: a run long enough to need windowing is the browser's. */
export function canServerRenderGrid(model: BoardModel): boolean {
  return model.problemRows.length <= WINDOW_FROM_ROWS;
}

/**
 * The grid as the server renders it for the first paint: folded, no search, the default columns. Its rows ship no
 * code and hydrate as plain elements; a live change re-renders it on the server and React patches what changed.
 */
export function ServerStatusGrid({ model, filterRegions, regionNames }: ServerStatusGridProps) {
  const columns = chooseColumns(model, { filterRegions, showAllRegions: false });
  return (
    <GridTable
      model={model}
      columns={columns}
      regionNames={regionNames}
      query=""
      showHealthy={false}
      isTall={false}
      problemRows={model.problemRows.map((row, index) => (
        <GridRow key={row.service} row={row} columns={columns} rowIndex={2 + index} regionNames={regionNames} />
      ))}
      healthyRows={null}
    />
  );
}
