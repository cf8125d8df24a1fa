"use client";

import { useState } from "react";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { countBy } from "@/lib/client/account/filter-account-events";
import { AccountLogTable } from "@/components/account/account-log-table";
import { lookUpEventStatus } from "@/components/account/account-status-style";

const PAGE = 300;

interface AccountLogResultsProps {
  events: readonly AccountEvent[];
  /** events before filtering */
  knownCount: number;
  isCut: boolean;
  limit: number;
  isFiltered: boolean;
  /** a new filter starts again with the first page of rows */
  resetKey: string;
}

export function AccountLogResults({ events, knownCount, isCut, limit, isFiltered, resetKey }: AccountLogResultsProps) {
  const [shownRows, setShownRows] = useState({ resetKey, count: PAGE });
  const count = shownRows.resetKey === resetKey ? shownRows.count : PAGE;
  const byStatus = countBy(events, (event) => event.status);
  if (events.length === 0) {
    return (
      <p className="rounded-md border border-gray-200 bg-white p-6 text-center text-gray-700 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-300">
        {isFiltered || knownCount > 0 ? "No account events match these filters." : "No account events recorded yet."}
      </p>
    );
  }
  return (
    <section aria-labelledby="log-results-heading" className="space-y-3">
      <h2 id="log-results-heading" className="sr-only">
        Events
      </h2>
      <p className="flex flex-wrap gap-x-3 text-sm text-gray-700 dark:text-gray-300" aria-live="polite">
        <span className="font-semibold text-gray-900 dark:text-gray-100">
          {formatCount(events.length)} {events.length === 1 ? "event" : "events"}
          {isFiltered && !isCut && ` of ${formatCount(knownCount)}`}
        </span>
        {byStatus.map(([status, n]) => (
          <span key={status}>
            {formatCount(n)} {lookUpEventStatus(status).label.toLowerCase()}
          </span>
        ))}
      </p>
      {isCut && <p className="text-sm text-gray-700 dark:text-gray-300">Healthdeck lists at most {formatCount(limit)} events per query, most recently updated first; narrow the filters to see older ones.</p>}
      <AccountLogTable events={events.slice(0, count)} caption="Account events matching the filters" />
      {events.length > count && (
        <button
          type="button"
          onClick={() => setShownRows({ resetKey, count: count + PAGE })}
          className="rounded-md border border-gray-300 bg-white px-4 py-1.5 text-sm font-semibold hover:bg-gray-100 dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800"
        >
          Show {formatCount(Math.min(PAGE, events.length - count))} more of {formatCount(events.length - count)}
        </button>
      )}
    </section>
  );
}
