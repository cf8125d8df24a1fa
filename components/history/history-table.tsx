import { rankStatus, worstOf } from "@/lib/shared/health-status-order";
import type { PublicEvent } from "@/lib/shared/public-status-contract";
import { labelRegion } from "@/lib/client/aws-regions";
import { formatSpan } from "@/lib/client/format-time";
import { EventTimeline } from "@/components/events/event-timeline";
import { StatusBadge } from "@/components/ui/status-badge";
import { describeStatus } from "@/components/ui/status-style";
import { TimeStamp } from "@/components/ui/time-stamp";

const CELL = "px-3 py-2 align-top";

function HistoryRow({ event }: { event: PublicEvent }) {
  const peak = worstOf(event.updates.map((update) => update.status), event.status);
  const duration = formatSpan(event.startedAt, event.endedAt);
  return (
    <tr className="*:border-b *:border-gray-100 dark:*:border-gray-800">
      <td className={CELL}>
        <TimeStamp iso={event.startedAt} className="text-sm" />
      </td>
      <td className={CELL}>{event.endedAt === null ? <span className="font-semibold">Ongoing</span> : <TimeStamp iso={event.endedAt} className="text-sm" />}</td>
      <td className={`${CELL} whitespace-nowrap tabular-nums`}>{duration ?? "—"}</td>
      <td className={CELL}>
        <span className="block font-medium">{event.name}</span>
        <span className="font-mono text-xs text-gray-600 dark:text-gray-400">{event.key}</span>
      </td>
      <td className={`${CELL} whitespace-nowrap`}>{labelRegion(event.region)}</td>
      <td className={CELL}>
        <StatusBadge status={event.status} variant="plain" />
        {rankStatus(peak) > rankStatus(event.status) && <span className="block text-xs text-gray-600 dark:text-gray-400">peak: {describeStatus(peak)}</span>}
      </td>
      <td className={`${CELL} min-w-[20rem]`}>
        <p className="font-medium break-words">{event.summary}</p>
        {event.impactedServices.length > 0 && (
          <p className="text-xs text-gray-600 dark:text-gray-400">{event.impactedServices.length} affected services</p>
        )}
        <details className="mt-1">
          <summary className="text-sm font-semibold text-blue-800 dark:text-sky-300">
            Timeline ({event.updates.length} {event.updates.length === 1 ? "update" : "updates"})
          </summary>
          <div className="mt-2 max-w-3xl">
            <EventTimeline updates={event.updates} />
          </div>
        </details>
      </td>
    </tr>
  );
}

export function HistoryTable({ events }: { events: readonly PublicEvent[] }) {
  const newestFirst = events.toSorted((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return (
    <div role="region" aria-label="Past events (scrolls)" tabIndex={0} className="overflow-x-auto rounded-md border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">Past public events, newest first</caption>
        <thead className="bg-gray-100 dark:bg-gray-800">
          <tr>
            {["Start", "End", "Duration", "Service", "Region", "Final status", "Summary"].map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((event) => (
            <HistoryRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
