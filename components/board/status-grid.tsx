"use client";

import { useRef } from "react";
import { chooseColumns, type BoardModel } from "@/lib/client/board-model";
import { useGridControls } from "@/components/board/grid-controls";
import { GridTable, WINDOW_FROM_ROWS } from "@/components/board/grid-table";
import { WindowedRows } from "@/components/board/windowed-rows";
import { useRegionNames } from "@/components/ui/region-names-context";

interface StatusGridProps {
  model: BoardModel;
  filterRegions: readonly string[];
  /** the name search; when set, matching healthy services show without unfolding */
  query: string;
}

/** The grid as the browser renders it: while searching, unfolded, with every region, or with long windowed runs. */
export function StatusGrid({ model, filterRegions, query }: StatusGridProps) {
  const { showAllRegions, expanded } = useGridControls();
  const regionNames = useRegionNames();
  const scrollRef = useRef<HTMLDivElement>(null);
  const searching = query.trim() !== "";
  const showHealthy = expanded || searching;
  const columns = chooseColumns(model, { filterRegions, showAllRegions });
  // header row, problem rows, the disclosure row (absent while searching), then healthy rows
  const disclosureIndex = model.problemRows.length + 2;
  const firstHealthyIndex = searching ? disclosureIndex : disclosureIndex + 1;
  return (
    <GridTable
      model={model}
      columns={columns}
      regionNames={regionNames}
      query={query}
      showHealthy={showHealthy}
      isTall={showHealthy || model.problemRows.length > WINDOW_FROM_ROWS}
      scrollRef={scrollRef}
      problemRows={<WindowedRows rows={model.problemRows} columns={columns} scrollRef={scrollRef} firstIndex={2} />}
      healthyRows={showHealthy && <WindowedRows rows={model.healthyRows} columns={columns} scrollRef={scrollRef} firstIndex={firstHealthyIndex} />}
    />
  );
}
