import { memo, useEffect } from "react";
import type { EntityColumn, EntityTableModel, EntityView, SortOrder } from "@/lib/client/account/entity-table-model";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { readEntityAt } from "@/lib/client/account/entity-rows";
import { ENTITY_ROW_HEIGHT, EntityRow } from "@/components/account/entity-row";
import { EntityTableHeader } from "@/components/account/entity-table-header";
import type { EntityRowsLoad } from "@/components/account/use-entity-rows";
import { useVirtualRows } from "@/components/account/use-virtual-rows";

interface EntityTableBodyProps {
  model: EntityTableModel;
  view: EntityView;
  sort: EntityColumn;
  order: SortOrder;
  /** changes when the filter does: the list then starts again from the top */
  resetKey: string;
  /** keep the full height from the start when many rows are on their way, so the page does not jump */
  reserveHeight: boolean;
  /** the search text the rows reflect, for tests and benchmarks */
  appliedQuery: string;
  /** the status filter the rows reflect (comma-separated), for tests and benchmarks */
  appliedStatuses: string;
  load: EntityRowsLoad;
  onSort: (column: EntityColumn) => void;
}

/** The scrolling table: a focusable region (arrow keys and Page Up/Down scroll it) rendering only the rows in view. */
export const EntityTableBody = memo(function EntityTableBody({ model, view, sort, order, resetKey, reserveHeight, appliedQuery, appliedStatuses, load, onSort }: EntityTableBodyProps) {
  const count = view.rows.length;
  const { scrollerRef, probeRef, rowHeight, first, last, totalHeight, scrollToTop } = useVirtualRows(count);

  useEffect(() => {
    scrollToTop();
  }, [resetKey, scrollToTop]);

  const rows = [];
  for (let position = first; position < last; position += 1) {
    const index = view.rows[position] as number;
    const entity = readEntityAt(model.rows, index);
    if (entity === undefined) continue;
    rows.push(<EntityRow key={index} entity={entity} rowIndex={position + 2} striped={position % 2 === 1} style={{ transform: `translateY(${position * rowHeight}px)` }} />);
  }

  const isLoading = load.state === "loading" || load.state === "partial";
  return (
    <div
      ref={scrollerRef}
      role="table"
      aria-label={`Affected resources, ${formatCount(count)} rows`}
      aria-rowcount={count + 1}
      aria-colcount={5}
      aria-busy={isLoading}
      tabIndex={0}
      data-entity-table={load.state}
      data-row-count={count}
      data-applied-q={appliedQuery}
      data-applied-status={appliedStatuses}
      className={`relative max-h-[min(70vh,48rem)] overflow-auto ${reserveHeight ? "min-h-[min(70vh,48rem)]" : ""} overscroll-contain rounded-md border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900`}
    >
      <EntityTableHeader sort={sort} order={order} onSort={onSort} />
      <div role="rowgroup" className="relative" style={{ height: totalHeight }}>
        <div ref={probeRef} aria-hidden="true" className={`${ENTITY_ROW_HEIGHT} invisible absolute w-px`} />
        {rows}
      </div>
      {count === 0 && (
        <p className="px-4 py-10 text-center text-sm text-gray-700 dark:text-gray-300">
          {load.state === "loading"
            ? "Loading affected resources…"
            : load.state === "error"
              ? "The affected resources could not be loaded."
              : model.rows.count === 0
                ? "AWS lists no affected resources for this event."
                : "No resources match this search and status filter."}
        </p>
      )}
    </div>
  );
});
