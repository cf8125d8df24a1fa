"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { useSearchParams } from "next/navigation";
import useSWR from "swr";
import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import type { StatusFetchError } from "@/lib/client/fetch-status-response";
import {
  buildAccountEventsApiKey,
  buildAccountLogHref,
  EMPTY_LOG_STATE,
  parseAccountLogUrl,
  serializeAccountLogState,
  type AccountLogState,
} from "@/lib/client/account/account-log-url";
import { ALL_ACCOUNT_EVENTS_KEY, fetchAccountEvents } from "@/lib/client/account/fetch-account";
import { filterAccountEvents, sortAccountEvents } from "@/lib/client/account/filter-account-events";
import { AccountLogFilters } from "@/components/account/account-log-filters";
import { AccountLogResults } from "@/components/account/account-log-results";
import { AccountSourceState } from "@/components/account/account-source-state";
import type { AccountStreamState } from "@/components/account/account-stream";
import { AccountStreamLoader } from "@/components/account/account-stream-loader";
import { ServerNowContext } from "@/components/ui/server-now-context";

interface AccountLogProps {
  /** the server's events for `initialKey` */
  initial: AccountEventsResponse;
  initialKey: string;
  /** the server's row limit: a list this long may be cut, so filtering then goes back to the server */
  truncatedAt: number;
  renderedAt: number;
}

const LOG_REFRESH_MS = 60_000;

/**
 * The event log. The filter lives in the URL: discrete changes push a history entry (back/forward walk them), typing
 * replaces it. Filtering happens in the browser on the full list, with the same rules as the server.
 */
export function AccountLog({ initial, initialKey, truncatedAt, renderedAt }: AccountLogProps) {
  const searchParams = useSearchParams();
  const url = useMemo(() => parseAccountLogUrl(searchParams), [searchParams]);
  const urlKey = serializeAccountLogState(url.state);
  // The form answers at once from local state; the address follows. When the address changes under us (back/forward,
  // a link), it wins.
  const [state, setState] = useState(url.state);
  const [syncedKey, setSyncedKey] = useState(urlKey);
  if (urlKey !== syncedKey) {
    setSyncedKey(urlKey);
    if (urlKey !== serializeAccountLogState(state)) setState(url.state);
  }
  const parsed = useMemo(() => parseAccountLogUrl(new URLSearchParams(serializeAccountLogState(state))), [state]);
  const query = parsed.query;
  const filterError = parsed.error ?? url.error;

  const isCut = initial.events.length >= truncatedAt;
  const key = isCut ? buildAccountEventsApiKey(query) : ALL_ACCOUNT_EVENTS_KEY;
  const [stream, setStream] = useState<AccountStreamState | null>(null);
  const { data, error, mutate } = useSWR<AccountEventsResponse, StatusFetchError>(key, fetchAccountEvents, {
    fallbackData: key === initialKey ? initial : undefined,
    // The stream says when account events change; polling is the fallback while it is down.
    refreshInterval: stream?.connection === "live" ? 0 : LOG_REFRESH_MS,
    revalidateIfStale: false,
    keepPreviousData: true,
  });
  const shown = data ?? initial;
  const deferredQuery = useDeferredValue(query);
  const events = useMemo(() => sortAccountEvents(filterAccountEvents(shown.events, deferredQuery), state.sort), [shown.events, deferredQuery, state.sort]);

  const change = (next: AccountLogState, mode: "push" | "replace") => {
    setState(next);
    const href = buildAccountLogHref(next);
    if (mode === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
  };

  return (
    <ServerNowContext value={renderedAt}>
      <AccountStreamLoader onChange={setStream} onAccountEvents={() => void mutate()} />
      <div className="space-y-5" data-live-connection={stream?.connection ?? "connecting"}>
        <AccountSourceState sources={shown.sources} compact />
        <AccountLogFilters
          state={state}
          events={shown.events}
          onChange={(next) => change(next, "push")}
          onQueryChange={(q) => change({ ...state, q }, "replace")}
          onClear={() => change(EMPTY_LOG_STATE, "push")}
        />
        {filterError !== null && (
          <div role="alert" className="rounded-md border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
            <p className="font-bold">The filter in this address is not valid, so the log shows every event.</p>
            <p className="text-sm">{filterError}</p>
          </div>
        )}
        {error !== undefined && (
          <p role="status" className="rounded-md border border-red-400 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50">
            Could not refresh the event log: {error.message}. Showing the last data received.
          </p>
        )}
        <AccountLogResults events={events} knownCount={shown.events.length} isCut={isCut} limit={truncatedAt} isFiltered={serializeFilter(query) !== ""} resetKey={`${buildAccountEventsApiKey(deferredQuery)}|${state.sort}`} />
      </div>
    </ServerNowContext>
  );
}

function serializeFilter(query: Parameters<typeof buildAccountEventsApiKey>[0]): string {
  return buildAccountEventsApiKey(query).split("?")[1] ?? "";
}
