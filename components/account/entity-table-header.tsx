import type { EntityColumn, SortOrder } from "@/lib/client/account/entity-table-model";
import { ENTITY_COLUMNS_LG } from "@/components/account/entity-row";

const COLUMNS: { column: EntityColumn; label: string }[] = [
  { column: "entity", label: "Resource" },
  { column: "arn", label: "ARN" },
  { column: "account", label: "Account" },
  { column: "status", label: "Status" },
  { column: "lastUpdated", label: "Last update (UTC)" },
];

interface EntityTableHeaderProps {
  sort: EntityColumn;
  order: SortOrder;
  onSort: (column: EntityColumn) => void;
}

function SortArrow({ state }: { state: "ascending" | "descending" | "none" }) {
  return (
    <svg viewBox="0 0 10 12" aria-hidden="true" className={`size-3 shrink-0 ${state === "none" ? "opacity-40" : ""}`}>
      {state !== "descending" && <path d="M5 1 9 5H1Z" fill="currentColor" />}
      {state !== "ascending" && <path d="M5 11 1 7h8Z" fill="currentColor" />}
    </svg>
  );
}

/** Column headers are sort buttons; aria-sort tells which column orders the rows. */
export function EntityTableHeader({ sort, order, onSort }: EntityTableHeaderProps) {
  return (
    <div role="rowgroup" className="sticky top-0 z-10 border-b border-gray-300 bg-gray-100 dark:border-gray-700 dark:bg-gray-800">
      <div role="row" aria-rowindex={1} className={`flex flex-wrap gap-x-3 gap-y-1 px-3 py-1.5 lg:grid ${ENTITY_COLUMNS_LG}`}>
        {COLUMNS.map(({ column, label }) => {
          const state = column !== sort ? "none" : order === "asc" ? "ascending" : "descending";
          return (
            <div key={column} role="columnheader" aria-sort={state} className="min-w-0">
              <button
                type="button"
                onClick={() => onSort(column)}
                className="inline-flex items-center gap-1 rounded px-1 py-0.5 text-sm font-semibold whitespace-nowrap hover:bg-gray-200 dark:hover:bg-gray-700"
              >
                {label}
                <SortArrow state={state} />
                <span className="sr-only">{state === "none" ? ", sort by this column" : state === "ascending" ? ", sorted ascending" : ", sorted descending"}</span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
