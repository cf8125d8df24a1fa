import { rankStatus } from "@/lib/shared/health-status-order";
import type { PublicEvent } from "@/lib/shared/public-status-contract";
import { EventCard } from "@/components/events/event-card";

const time = (iso: string | null) => (iso === null ? 0 : Date.parse(iso) || 0);

/** Open events first (worst, then newest), then recently resolved ones (latest end first). */
export function orderEvents(events: readonly PublicEvent[]): { active: PublicEvent[]; resolved: PublicEvent[] } {
  const active = events
    .filter((event) => !event.resolved)
    .sort((a, b) => rankStatus(b.status) - rankStatus(a.status) || time(b.startedAt) - time(a.startedAt));
  const resolved = events
    .filter((event) => event.resolved)
    .sort((a, b) => time(b.endedAt ?? b.startedAt) - time(a.endedAt ?? a.startedAt));
  return { active, resolved };
}

export function EventList({ events }: { events: readonly PublicEvent[] }) {
  const { active, resolved } = orderEvents(events);
  return (
    <section aria-labelledby="events-heading" className="space-y-4">
      <h2 id="events-heading" className="text-xl font-bold">
        Active events <span className="font-normal text-gray-600 dark:text-gray-400">({active.length})</span>
      </h2>
      {active.length === 0 ? (
        <p className="rounded-lg border border-gray-200 bg-white p-4 text-gray-700 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-300">
          No open public events in view.
        </p>
      ) : (
        active.map((event) => <EventCard key={event.id} event={event} />)
      )}
      {resolved.length > 0 && (
        <>
          <h2 className="pt-2 text-lg font-bold">
            Recently resolved <span className="font-normal text-gray-600 dark:text-gray-400">({resolved.length})</span>
          </h2>
          {resolved.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </>
      )}
    </section>
  );
}
