import type { AccountEventUpdate } from "@/lib/shared/account-health-contract";
import { EventStatusBadge } from "@/components/account/account-badges";
import { TimeStamp } from "@/components/ui/time-stamp";

const VISIBLE = 3;

function UpdateItem({ update }: { update: AccountEventUpdate }) {
  return (
    <li className="border-l-2 border-gray-200 pb-4 pl-4 last:pb-0 dark:border-gray-700">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <TimeStamp iso={update.at} className="font-medium" />
        <EventStatusBadge status={update.status} variant="plain" />
      </div>
      {/* Upstream text is rendered as text, never as HTML; pre-line keeps its paragraphs. */}
      <p className="mt-1 text-sm leading-relaxed break-words whitespace-pre-line text-gray-800 dark:text-gray-200">{update.description}</p>
    </li>
  );
}

/** Status and description changes Healthdeck recorded, newest first; after three the rest fold away. */
export function EventUpdates({ updates }: { updates: readonly AccountEventUpdate[] }) {
  if (updates.length === 0) return <p className="text-sm text-gray-700 dark:text-gray-300">No updates recorded yet.</p>;
  const newestFirst = updates.toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const head = newestFirst.slice(0, VISIBLE);
  const rest = newestFirst.slice(VISIBLE);
  return (
    <div>
      <ol aria-label="Updates, newest first">
        {head.map((update, index) => (
          <UpdateItem key={`${update.at}-${index}`} update={update} />
        ))}
      </ol>
      {rest.length > 0 && (
        <details className="group mt-3">
          <summary className="text-sm font-semibold text-blue-800 dark:text-sky-300">
            <span className="group-open:hidden">Show all {newestFirst.length} updates</span>
            <span className="hidden group-open:inline">Hide the {rest.length} older updates</span>
          </summary>
          <ol className="mt-3" aria-label="Older updates">
            {rest.map((update, index) => (
              <UpdateItem key={`${update.at}-${index}`} update={update} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
