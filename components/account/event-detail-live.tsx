"use client";

import { useCallback, useState } from "react";
import useSWR from "swr";
import type { AccountEventDetail } from "@/lib/shared/account-health-contract";
import type { StatusFetchError } from "@/lib/client/fetch-status-response";
import type { EntityFilter } from "@/lib/client/account/entity-table-model";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { ACCOUNT_REFRESH_MS, buildAccountEventKey, fetchAccountEvent } from "@/lib/client/account/fetch-account";
import type { AccountStreamState } from "@/components/account/account-stream";
import { AccountStreamLoader } from "@/components/account/account-stream-loader";
import { EntityTable } from "@/components/account/entity-table";
import { EventDetailView, EventHistory } from "@/components/account/event-detail-view";
import { ServerNowContext } from "@/components/ui/server-now-context";

interface EventDetailLiveProps {
  initial: AccountEventDetail;
  renderedAt: number;
  initialFilter: EntityFilter;
}

/** The event page: facts refresh when the stream says this event changed (every 30 s while it is down); the resource table loads once and offers a reload when AWS changes it. */
export function EventDetailLive({ initial, renderedAt, initialFilter }: EventDetailLiveProps) {
  const [stream, setStream] = useState<AccountStreamState | null>(null);
  // The stream's code (with zod) and its snapshot wait for the resource table: 50,000 rows are the page's first work.
  const [isTableSettled, setIsTableSettled] = useState(false);
  const onTableSettled = useCallback(() => setIsTableSettled(true), []);
  const { data, error, mutate } = useSWR<AccountEventDetail, StatusFetchError>(buildAccountEventKey(initial.id), fetchAccountEvent, {
    fallbackData: initial,
    refreshInterval: stream?.connection === "live" ? 0 : ACCOUNT_REFRESH_MS,
    revalidateIfStale: false,
    keepPreviousData: true,
  });
  const refreshIfThisEvent = (ids: string[] | null) => {
    if (ids === null || ids.includes(initial.id)) void mutate();
  };
  const event = data ?? initial;
  const total = event.entityCounts.total;
  return (
    <ServerNowContext value={renderedAt}>
      {isTableSettled && <AccountStreamLoader onChange={setStream} onAccountEvents={refreshIfThisEvent} />}
      <div className="space-y-6" data-live-connection={stream?.connection ?? "connecting"}>
        {error !== undefined && (
          <p role="status" className="rounded-md border border-red-400 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50">
            {error.httpStatus === 404 ? "This event is no longer stored by Healthdeck." : `Could not refresh this event: ${error.message}.`} Showing the last data received.
          </p>
        )}
        <EventDetailView event={event} />
        <section aria-labelledby="resources-heading" className="space-y-3">
          <h2 id="resources-heading" className="text-lg font-bold">
            Affected resources <span className="font-normal text-gray-700 dark:text-gray-300">({formatCount(total)})</span>
          </h2>
          <EntityTable key={event.id} eventId={event.id} expectedTotal={total} initialFilter={initialFilter} onSettled={onTableSettled} />
        </section>
        <EventHistory event={event} />
      </div>
    </ServerNowContext>
  );
}
