import { AppLink } from "@/components/ui/app-link";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { describeEventType, formatCount, labelCategory } from "@/lib/client/account/describe-event-type";
import { EventStatusBadge, SecurityTag } from "@/components/account/account-badges";
import { describeWhere } from "@/components/account/account-event-item";
import { TimeStamp } from "@/components/ui/time-stamp";

const CELL = "px-3 py-2 align-top";
const HEADERS = ["Event", "Status", "Category", "Service", "Region", "Account", "Start", "Last update", "Resources"];

function LogRow({ event }: { event: AccountEvent }) {
  return (
    <tr className="*:border-b *:border-gray-100 dark:*:border-gray-800">
      <th scope="row" className={`${CELL} min-w-[16rem] text-left font-normal`}>
        <span className="flex flex-wrap items-center gap-2">
          {event.isSecurity && <SecurityTag />}
          <AppLink href={`/events/${encodeURIComponent(event.id)}`} className="font-semibold text-blue-800 underline-offset-2 hover:underline dark:text-sky-300">
            {describeEventType(event.eventTypeCode)}
          </AppLink>
        </span>
        <span className="block font-mono text-xs break-all text-gray-700 dark:text-gray-300">{event.eventTypeCode}</span>
      </th>
      <td className={CELL}>
        <EventStatusBadge status={event.status} variant="plain" />
      </td>
      <td className={`${CELL} whitespace-nowrap`}>{labelCategory(event.category)}</td>
      <td className={CELL}>{event.service}</td>
      <td className={`${CELL} whitespace-nowrap`}>{describeWhere(event)}</td>
      <td className={`${CELL} font-mono`}>{event.accountId ?? "—"}</td>
      <td className={CELL}>{event.startTime === null ? "—" : <TimeStamp iso={event.startTime} />}</td>
      <td className={CELL}>{event.lastUpdatedTime === null ? "—" : <TimeStamp iso={event.lastUpdatedTime} />}</td>
      <td className={`${CELL} text-right tabular-nums`}>{formatCount(event.entityCounts.total)}</td>
    </tr>
  );
}

export function AccountLogTable({ events, caption }: { events: readonly AccountEvent[]; caption: string }) {
  return (
    <div role="region" aria-label="Account events (scrolls sideways)" tabIndex={0} className="overflow-x-auto rounded-md border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-100 dark:bg-gray-800">
          <tr>
            {HEADERS.map((label) => (
              <th key={label} scope="col" className={`px-3 py-2 font-semibold whitespace-nowrap ${label === "Resources" ? "text-right" : ""}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <LogRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
