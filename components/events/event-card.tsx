import type { PublicEvent } from "@/lib/shared/public-status-contract";
import { labelRegion } from "@/lib/client/aws-regions";
import { formatSpan } from "@/lib/client/format-time";
import { AccountImpactNote } from "@/components/events/account-impact";
import { EventTimeline } from "@/components/events/event-timeline";
import { ImpactedServices } from "@/components/events/impacted-services";
import { ElapsedTime } from "@/components/ui/elapsed-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeStamp } from "@/components/ui/time-stamp";

export function EventCard({ event }: { event: PublicEvent }) {
  const headingId = `event-${event.id.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const duration = formatSpan(event.startedAt, event.endedAt);
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:p-5 dark:border-gray-800 dark:bg-gray-900"
    >
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          {event.resolved ? (
            <span className="inline-flex items-center gap-1.5 rounded-full border border-gray-300 bg-gray-100 px-2 py-0.5 text-sm font-semibold text-gray-800 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-200">
              <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4">
                <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              Resolved
            </span>
          ) : (
            <StatusBadge status={event.status} />
          )}
          <span className="font-semibold">{event.name}</span>
          <span className="text-gray-700 dark:text-gray-300">{labelRegion(event.region)}</span>
          <span className="font-mono text-xs break-all text-gray-600 dark:text-gray-400">{event.key}</span>
        </div>
        <h3 id={headingId} className="text-lg font-bold break-words">
          {event.summary}
        </h3>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-gray-600 dark:text-gray-400">Started</dt>
          <dd>
            <TimeStamp iso={event.startedAt} />
          </dd>
          {event.endedAt !== null ? (
            <>
              <dt className="text-gray-600 dark:text-gray-400">Ended</dt>
              <dd>
                <TimeStamp iso={event.endedAt} />
                {duration !== null && <span className="text-gray-600 dark:text-gray-400"> · lasted {duration}</span>}
              </dd>
            </>
          ) : (
            <>
              <dt className="text-gray-600 dark:text-gray-400">Ongoing for</dt>
              <dd>
                <ElapsedTime fromIso={event.startedAt} />
              </dd>
            </>
          )}
        </dl>
      </header>
      {event.accountImpact !== null && <AccountImpactNote impact={event.accountImpact} />}
      {event.impactedServices.length > 0 && (
        <div className="mt-4">
          <ImpactedServices services={event.impactedServices} />
        </div>
      )}
      <div className="mt-4">
        <h4 className="mb-2 text-sm font-semibold">Updates ({event.updates.length})</h4>
        <EventTimeline updates={event.updates} />
      </div>
    </article>
  );
}
