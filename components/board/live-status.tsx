"use client";

import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState, type ReactNode } from "react";
import type { CompactStatusResponse } from "@/lib/shared/compact-status-response";
import { expandStatusResponse } from "@/lib/shared/compact-status-response";
import type { StatusFilter } from "@/lib/shared/status-filter";
import { buildBoardModel } from "@/lib/client/board-model";
import { fingerprintServices } from "@/lib/shared/fingerprint-services";
import type { HealthStatus } from "@/lib/shared/health-status";
import { keepUnchangedServices } from "@/lib/client/keep-unchanged-services";
import { buildStatusApiKey, isFilterEmpty, serializeBoardUrl } from "@/lib/shared/board-url";
import { FilterBar } from "@/components/board/filter-bar";
import { SourceFreshness } from "@/components/board/source-freshness";
import { StatusGrid } from "@/components/board/status-grid";
import { StatusSummary } from "@/components/board/status-summary";
import { useBoardFilter } from "@/components/board/use-board-filter";
import { useFilterOptions } from "@/components/board/use-filter-options";
import { GridControlsProvider, useGridControlsState } from "@/components/board/grid-controls";
import { useRefreshOnServerChange } from "@/components/board/use-refresh-on-server-change";
import { useRememberedBoardUrl } from "@/components/board/use-remembered-board-url";
import type { StatusUpdate } from "@/components/board/status-refresher";
import { useServiceCatalog } from "@/components/board/use-service-catalog";
import { SimulatedBanner } from "@/components/shell/simulated-banner";
import { ConnectionProblem } from "@/components/ui/connection-problem";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { useIdleAfterLoad } from "@/components/ui/use-idle-after-load";
import { useConnectionCut } from "@/components/ui/use-connection-cut";
import { ServerNowContext } from "@/components/ui/server-now-context";
import { RegionNamesContext } from "@/components/ui/region-names-context";

interface LiveStatusProps {
  /** status the server rendered for `filter` */
  initial: CompactStatusResponse;
  /** the filter the server parsed from the URL (the browser never parses it: that would bundle zod) */
  filter: StatusFilter;
  /** why the URL's filter params were rejected, if they were */
  filterError: string | null;
  /** region code → display name (data, so the table is not bundled) */
  regionNames: Readonly<Record<string, string>>;
  /** the status legend, rendered on the server (static, so it ships no code) */
  legend: ReactNode;
  /** the event list, rendered on the server from the same data; re-rendered there when the events change */
  events: ReactNode;
  /** fingerprintEvents() of the events the server rendered */
  eventsFingerprint: string;
  /** the grid as the server rendered it (folded, unsearched), or null when the browser must render it (windowing) */
  serverGrid: ReactNode;
  /** fingerprintServices() of the services behind `serverGrid` */
  servicesFingerprint: string;
  /** the counts above `serverGrid` */
  serverSummary: { counts: Record<HealthStatus, number>; total: number };
}

const StatusRefresher = lazy(() => import("@/components/board/status-refresher").then((module) => ({ default: module.StatusRefresher })));

/** The board page's live part: server data first, then the live stream (SWR polling every 15 s while it is down). */
export function LiveStatus({ initial, filter, filterError, regionNames, legend, events, eventsFingerprint, serverGrid, servicesFingerprint, serverSummary }: LiveStatusProps) {
  const initialData = useMemo(() => expandStatusResponse(initial), [initial]);
  const board = useBoardFilter(filter);
  const key = buildStatusApiKey(filter);
  const [live, setLive] = useState<StatusUpdate | null>(null);
  // The server just rendered fresh data: the stream (and its code) can wait for the first idle moment after load.
  const isIdle = useIdleAfterLoad();
  const takeUpdate = useCallback(
    (update: StatusUpdate) =>
      setLive((previous) => ({ ...update, data: keepUnchangedServices(previous?.key === update.key ? previous.data : initialData, update.data) })),
    [initialData],
  );
  // Props and key change together (a filter change is a server round trip); until SWR reports for this key, the
  // server's data is the freshest there is.
  const current = live !== null && live.key === key ? live : null;
  const shown = current?.data ?? initialData;
  const error = current?.error;
  const connection = current?.connection ?? "connecting";
  const isCut = useConnectionCut(connection);
  const shownServicesFingerprint = useMemo(
    () => (shown.services === initialData.services ? servicesFingerprint : fingerprintServices(shown.services)),
    [shown.services, initialData.services, servicesFingerprint],
  );
  const rendered = useMemo(() => ({ events: eventsFingerprint, services: servicesFingerprint }), [eventsFingerprint, servicesFingerprint]);
  useRefreshOnServerChange(shown, initialData, rendered, shownServicesFingerprint);
  useRememberedBoardUrl(serializeBoardUrl(filter, board.query));

  const deferredQuery = useDeferredValue(board.query);
  const controls = useGridControlsState();
  // The server's grid stays until the viewer searches or unfolds; a live change re-renders it on the server.
  const isServerGrid = serverGrid !== null && serverGrid !== undefined && deferredQuery.trim() === "" && !controls.expanded && !controls.showAllRegions;
  const model = useMemo(() => (isServerGrid ? null : buildBoardModel(shown.services, deferredQuery)), [isServerGrid, shown.services, deferredQuery]);

  const [wantCatalog, setWantCatalog] = useState(false);
  const [wantOptions, setWantOptions] = useState(false);
  const catalog = useServiceCatalog(wantCatalog && !isFilterEmpty(filter));
  const options = useFilterOptions(wantOptions ? (catalog ?? shown.services) : null, board.filter, regionNames);

  return (
    <ServerNowContext value={Date.parse(initial.generatedAt)}>
      <RegionNamesContext value={regionNames}>
      {isIdle && (
        <Suspense fallback={null}>
          <StatusRefresher swrKey={key} filter={filter} fallback={initialData} onUpdate={takeUpdate} />
        </Suspense>
      )}
      <div className="space-y-4">
        {shown.simulated && <SimulatedBanner />}
        {filterError !== null && (
          <div role="alert" className="rounded-md border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
            <p className="font-bold">The filter in this address is not valid, so the board shows everything.</p>
            <p className="text-sm">{filterError}</p>
          </div>
        )}
        <SourceFreshness sources={shown.sources} />
        {(isCut || (error !== undefined && connection !== "live")) && (
          <ConnectionProblem connection={connection} fetchError={error?.message ?? null} dataAt={shown.generatedAt} />
        )}
      </div>
      <div className="mt-6 grid gap-8 2xl:grid-cols-[minmax(0,1fr)_36rem]">
        <section id="board" aria-labelledby="board-heading" data-live-connection={connection} className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="board-heading" className="text-xl font-bold">
              Service board
            </h2>
            <LiveIndicator connection={connection} isRefreshing={current?.isValidating === true} />
          </div>
          <StatusSummary counts={model?.counts ?? serverSummary.counts} total={model?.total ?? serverSummary.total} />
          <FilterBar
            filter={board.filter}
            query={board.query}
            regionOptions={options.regionOptions}
            serviceOptions={options.serviceOptions}
            onFilterChange={board.setFilter}
            onQueryChange={board.setQuery}
            onRegionPickerOpen={() => setWantOptions(true)}
            onServicePickerOpen={() => {
              setWantOptions(true);
              setWantCatalog(true);
            }}
            onClear={board.clearAll}
            isPending={board.isPending}
          />
          <GridControlsProvider value={controls}>{model === null ? serverGrid : <StatusGrid model={model} filterRegions={filter.regions} query={deferredQuery} />}</GridControlsProvider>
          {legend}
        </section>
        {events}
      </div>
      </RegionNamesContext>
    </ServerNowContext>
  );
}
