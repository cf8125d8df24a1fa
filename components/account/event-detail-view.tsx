import type { AccountEventDetail } from "@/lib/shared/account-health-contract";
import { describeEventType, formatCount } from "@/lib/client/account/describe-event-type";
import { isPlannedLifecycleEvent } from "@/lib/client/account/account-panels";
import { SecurityTag } from "@/components/account/account-badges";
import { EventFacts } from "@/components/account/event-facts";
import { EventUpdates } from "@/components/account/event-updates";
import { LifecycleProgress } from "@/components/account/lifecycle-progress";
import { compareText } from "@/lib/shared/compare-services";

const SECTION = "space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-5 dark:border-gray-800 dark:bg-gray-900";

/** The event's title, facts, description and metadata; its resources and history follow on the page. */
export function EventDetailView({ event }: { event: AccountEventDetail }) {
  const metadata = Object.entries(event.metadata).sort(([a], [b]) => compareText(a, b));
  return (
    <>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          {event.isSecurity && <SecurityTag />}
          <span className="font-mono text-sm break-all text-gray-700 dark:text-gray-300">{event.eventTypeCode}</span>
        </div>
        <h1 className="text-2xl font-bold tracking-tight break-words">{describeEventType(event.eventTypeCode)}</h1>
      </header>
      <section aria-labelledby="facts-heading" className={SECTION}>
        <h2 id="facts-heading" className="sr-only">
          Summary
        </h2>
        <EventFacts event={event} />
        {isPlannedLifecycleEvent(event.eventTypeCode) && (
          <div className="max-w-xl pt-2">
            <h3 className="mb-1 text-sm font-semibold">Resources still to change</h3>
            <LifecycleProgress counts={event.entityCounts} />
          </div>
        )}
      </section>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="description-heading" className={SECTION}>
          <h2 id="description-heading" className="text-lg font-bold">
            Description
          </h2>
          {/* Upstream text is rendered as text, never as HTML; pre-line keeps its paragraphs. */}
          <p className="max-w-[80ch] leading-relaxed break-words whitespace-pre-line">{event.description === "" ? "AWS sent no description." : event.description}</p>
        </section>
        <section aria-labelledby="metadata-heading" className={SECTION}>
          <h2 id="metadata-heading" className="text-lg font-bold">
            Metadata
          </h2>
          {metadata.length === 0 ? (
            <p className="text-sm text-gray-700 dark:text-gray-300">AWS sent no metadata for this event.</p>
          ) : (
            <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              {metadata.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-mono break-all text-gray-700 dark:text-gray-300">{key}</dt>
                  <dd className="font-mono break-all">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>
    </>
  );
}

export function EventHistory({ event }: { event: AccountEventDetail }) {
  return (
    <section aria-labelledby="history-heading" className={SECTION}>
      <h2 id="history-heading" className="text-lg font-bold">
        Update history <span className="font-normal text-gray-700 dark:text-gray-300">({formatCount(event.updates.length)})</span>
      </h2>
      <EventUpdates updates={event.updates} />
    </section>
  );
}
