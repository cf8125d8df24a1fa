import { formatCount } from "@/lib/client/account/describe-event-type";
import type { EntityRowsLoad } from "@/components/account/use-entity-rows";

interface EntityTableStatusProps {
  load: EntityRowsLoad;
  expectedTotal: number;
  shown: number;
  /** the rows below still show the previous filter (React is rendering the new one) */
  isStale: boolean;
  onReload: () => void;
  onClearFilter: (() => void) | null;
}

const BUTTON = "rounded px-1 font-semibold text-blue-800 underline hover:bg-gray-100 dark:text-sky-300 dark:hover:bg-gray-800";

export function EntityTableStatus({ load, expectedTotal, shown, isStale, onReload, onClearFilter }: EntityTableStatusProps) {
  if (load.state === "error") {
    return (
      <p role="alert" className="rounded-md border-2 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
        Could not load the affected resources: {load.error}.{" "}
        <button type="button" onClick={onReload} className="font-semibold underline">
          Try again
        </button>
      </p>
    );
  }
  const loaded = load.rows.count;
  const total = load.total ?? expectedTotal;
  const changed = load.state === "complete" && load.total !== null && expectedTotal !== load.total;
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-sm text-gray-700 dark:text-gray-300">
      <span aria-live="polite" className="tabular-nums">
        {load.state === "loading"
          ? `Loading ${formatCount(expectedTotal)} affected resources…`
          : load.state === "partial"
            ? `Loaded ${formatCount(loaded)} of ${formatCount(total)} resources…`
            : shown === loaded
              ? `Showing all ${formatCount(loaded)} ${loaded === 1 ? "resource" : "resources"}.`
              : `Showing ${formatCount(shown)} of ${formatCount(loaded)} resources.`}
      </span>
      {isStale && <span className="text-gray-600 dark:text-gray-400">Filtering…</span>}
      {onClearFilter !== null && shown !== loaded && (
        <button type="button" onClick={onClearFilter} className={BUTTON}>
          Clear search and status filter
        </button>
      )}
      {load.state === "complete" && total > loaded && (
        <span>The first {formatCount(loaded)} of {formatCount(total)} are listed here; the CSV download has them all.</span>
      )}
      {changed && (
        <span>
          AWS has updated this list since it loaded.{" "}
          <button type="button" onClick={onReload} className={BUTTON}>
            Reload resources
          </button>
        </span>
      )}
    </p>
  );
}
