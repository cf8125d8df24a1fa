"use client";

import { useRef, type RefObject } from "react";
import type { BoardRow, ColumnId } from "@/lib/client/board-model";
import { GridRow } from "@/components/board/grid-row";
import { WINDOW_FROM_ROWS } from "@/components/board/grid-table";
import { useRowWindow } from "@/components/board/use-row-window";
import { useRegionNames } from "@/components/ui/region-names-context";


interface WindowedRowsProps {
  rows: readonly BoardRow[];
  columns: readonly ColumnId[];
  scrollRef: RefObject<HTMLElement | null>;
  /** aria-rowindex of the first row */
  firstIndex: number;
}

/** A run of grid rows; long runs render only a window, with spacer rows keeping the scroll height right. */
export function WindowedRows({ rows, columns, scrollRef, firstIndex }: WindowedRowsProps) {
  const anchorRef = useRef<HTMLTableRowElement>(null);
  const regionNames = useRegionNames();
  const windowed = rows.length > WINDOW_FROM_ROWS;
  const range = useRowWindow(windowed, rows.length, scrollRef, anchorRef);
  const spacer = (height: number) => <td colSpan={columns.length + 1} className="p-0" style={{ height }} />;
  return (
    <>
      {windowed && (
        <tr ref={anchorRef} aria-hidden="true">
          {spacer(range.start * range.rowHeight)}
        </tr>
      )}
      {rows.slice(range.start, range.end).map((row, index) => (
        <GridRow key={row.service} row={row} columns={columns} rowIndex={firstIndex + range.start + index} regionNames={regionNames} />
      ))}
      {windowed && <tr aria-hidden="true">{spacer((rows.length - range.end) * range.rowHeight)}</tr>}
    </>
  );
}
