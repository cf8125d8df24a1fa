"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { buildEntitiesCsvHref } from "@/lib/client/account/entity-links";
import { serializeEntityFilter } from "@/lib/client/account/entity-filter-url";
import { filterEntityRows, getEntityTableModel, type EntityColumn, type EntityFilter } from "@/lib/client/account/entity-table-model";
import { EntityStatusChips } from "@/components/account/entity-status-chips";
import { EntityTableBody } from "@/components/account/entity-table-body";
import { EntityTableStatus } from "@/components/account/entity-table-status";
import { useEntityRows } from "@/components/account/use-entity-rows";

const URL_SYNC_DELAY_MS = 400;

/** Runs one step of the table's work under a user-timing measure, so profiles and the benchmark can see it. */
function measureStep<T>(name: string, step: () => T): T {
  const started = performance.now();
  const result = step();
  performance.measure(name, { start: started });
  return result;
}

interface EntityTableProps {
  eventId: string;
  /** resources the event reports (from its counts): shown before the rows arrive */
  expectedTotal: number;
  initialFilter: EntityFilter;
  /** once every row has arrived (or loading failed): the page may then start work that would compete with the table */
  onSettled?: () => void;
}

/** Affected resources: loaded once, then searched, filtered and sorted in the browser over a windowed list. */
export function EntityTable({ eventId, expectedTotal, initialFilter, onSettled }: EntityTableProps) {
  const [reloadToken, setReloadToken] = useState(0);
  const load = useEntityRows(eventId, reloadToken);
  const isSettled = load.state === "complete" || load.state === "error";
  useEffect(() => {
    if (isSettled) onSettled?.();
  }, [isSettled, onSettled]);
  const [filter, setFilter] = useState(initialFilter);
  const model = useMemo(() => measureStep("healthdeck:entity-model", () => getEntityTableModel(load.rows)), [load.rows]);
  const deferredFilter = useDeferredValue(filter);
  const view = useMemo(() => measureStep("healthdeck:entity-filter", () => filterEntityRows(model, deferredFilter)), [model, deferredFilter]);

  // The table state lives in the address, so a filtered view can be shared. Only the address waits for a pause in
  // typing (the router re-renders on every history change); the rows themselves filter on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      const search = serializeEntityFilter(filter);
      const next = `${window.location.pathname}${search === "" ? "" : `?${search}`}${window.location.hash}`;
      if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", next);
    }, URL_SYNC_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filter]);

  // Stable callbacks: the memoised table body and chips then skip the urgent render of each keystroke.
  const onSort = useCallback(
    (column: EntityColumn) =>
      setFilter((current) => ({
        ...current,
        sort: column,
        order: current.sort === column ? (current.order === "asc" ? "desc" : "asc") : column === "lastUpdated" ? "desc" : "asc",
      })),
    [],
  );
  const onStatuses = useCallback((statuses: string[]) => setFilter((current) => ({ ...current, statuses })), []);

  const csvHref = buildEntitiesCsvHref(eventId, filter);
  const hasFilter = filter.q.trim() !== "" || filter.statuses.length > 0;
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:items-center">
        <div className="lg:w-96">
          <label htmlFor="entity-search" className="sr-only">
            Search resources by value, ARN or account
          </label>
          <input
            id="entity-search"
            type="search"
            value={filter.q}
            maxLength={200}
            onChange={(event) => setFilter((current) => ({ ...current, q: event.target.value }))}
            placeholder="Search resource, ARN or account"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm placeholder:text-gray-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400"
          />
        </div>
        <EntityStatusChips counts={view.countsByStatus} allCount={view.searchMatches} selected={filter.statuses} onChange={onStatuses} />
        <a
          href={csvHref}
          download
          className="inline-flex items-center gap-2 self-start rounded-md bg-gray-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-gray-700 lg:ml-auto dark:bg-gray-100 dark:text-gray-950 dark:hover:bg-gray-300"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4">
            <path d="M8 1.5v8.5M4.5 6.8 8 10.3l3.5-3.5M2 12.5v2h12v-2" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {hasFilter ? "Download these rows (CSV)" : "Download all (CSV)"}
        </a>
      </div>
      <EntityTableStatus
        load={load}
        expectedTotal={expectedTotal}
        shown={view.rows.length}
        isStale={deferredFilter !== filter}
        onReload={() => setReloadToken((token) => token + 1)}
        onClearFilter={hasFilter ? () => setFilter((current) => ({ ...current, q: "", statuses: [] })) : null}
      />
      <EntityTableBody model={model} view={view} sort={deferredFilter.sort} order={deferredFilter.order} resetKey={serializeEntityFilter(deferredFilter)} reserveHeight={load.state === "loading" && expectedTotal > 20} appliedQuery={deferredFilter.q} appliedStatuses={deferredFilter.statuses.join(",")} load={load} onSort={onSort} />
      <noscript>
        <p className="text-sm">The resource table needs JavaScript; the CSV download above works without it.</p>
      </noscript>
    </div>
  );
}
