import { AppLink } from "@/components/ui/app-link";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { labelRegion } from "@/lib/client/aws-regions";
import { describeEventType, firstLine, formatCount } from "@/lib/client/account/describe-event-type";
import { isPlannedLifecycleEvent } from "@/lib/client/account/account-panels";
import { EventStatusBadge, SecurityTag } from "@/components/account/account-badges";
import { Countdown } from "@/components/account/countdown";
import { LifecycleProgress } from "@/components/account/lifecycle-progress";
import { RelativeTime } from "@/components/ui/relative-time";
import { TimeStamp } from "@/components/ui/time-stamp";

export function describeWhere(event: AccountEvent): string {
  const region = labelRegion(event.region);
  return event.availabilityZone === null ? region : `${region}, ${event.availabilityZone}`;
}

interface AccountEventItemProps {
  event: AccountEvent;
  /** scheduled changes lead with their start; everything else with its last update */
  emphasis: "start" | "update";
  compact?: boolean;
}

/** One event in a panel: the title is the link (the whole card is clickable), details follow as text. */
export function AccountEventItem({ event, emphasis, compact = false }: AccountEventItemProps) {
  const preview = firstLine(event.description, compact ? 110 : 200);
  const entities = event.entityCounts.total;
  return (
    <li className={`relative rounded-md border border-gray-200 bg-white ${compact ? "px-3 py-2" : "p-3"} hover:border-gray-400 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-blue-600 dark:border-gray-800 dark:bg-gray-900 dark:hover:border-gray-600 dark:has-[a:focus-visible]:outline-sky-400`}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {event.isSecurity && <SecurityTag />}
        <AppLink
          href={`/events/${encodeURIComponent(event.id)}`}
          className="font-semibold break-words text-blue-800 after:absolute after:inset-0 hover:underline focus-visible:outline-none dark:text-sky-300"
        >
          {describeEventType(event.eventTypeCode)}
        </AppLink>
        {event.status !== "open" && <EventStatusBadge status={event.status} variant="plain" className="text-xs" />}
      </div>
      {!compact && (
        <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-gray-700 dark:text-gray-300">
          <span className="font-mono break-all">{event.eventTypeCode}</span>
        </p>
      )}
      <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-gray-700 dark:text-gray-300">
        <span>{event.service}</span>
        <span aria-hidden="true">·</span>
        <span>{describeWhere(event)}</span>
        {event.accountId !== null && (
          <>
            <span aria-hidden="true">·</span>
            <span className="font-mono">{event.accountId}</span>
          </>
        )}
        {entities > 0 && !compact && !isPlannedLifecycleEvent(event.eventTypeCode) && (
          <>
            <span aria-hidden="true">·</span>
            <span>
              {formatCount(entities)} {entities === 1 ? "resource" : "resources"}
            </span>
          </>
        )}
      </p>
      {emphasis === "start" && event.startTime !== null ? (
        <p className="mt-1 flex flex-wrap gap-x-2 text-sm">
          <Countdown startIso={event.startTime} className="font-semibold" />
          {!compact && (
            <span className="text-gray-700 dark:text-gray-300">
              (<TimeStamp iso={event.startTime} />)
            </span>
          )}
        </p>
      ) : (
        <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-gray-700 dark:text-gray-300">
          {event.startTime !== null && <Countdown startIso={event.startTime} />}
          {event.lastUpdatedTime !== null && !compact && (
            <span>
              {event.startTime !== null && <span aria-hidden="true">· </span>}updated <RelativeTime iso={event.lastUpdatedTime} />
            </span>
          )}
        </p>
      )}
      {isPlannedLifecycleEvent(event.eventTypeCode) && (
        <div className="mt-2">
          <LifecycleProgress counts={event.entityCounts} />
        </div>
      )}
      {preview !== "" && !compact && <p className="mt-1 line-clamp-2 text-sm break-words text-gray-800 dark:text-gray-200">{preview}</p>}
    </li>
  );
}
