import type { EventUpdate } from "@/lib/shared/public-status-contract";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeStamp } from "@/components/ui/time-stamp";

const VISIBLE_UPDATES = 3;

function UpdateItem({ update }: { update: EventUpdate }) {
  return (
    <li className="relative border-l-2 border-gray-200 pb-4 pl-4 last:pb-0 dark:border-gray-700">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <TimeStamp iso={update.at} className="font-medium" />
        <StatusBadge status={update.status} variant="plain" />
      </div>
      {update.summary !== "" && <p className="mt-1 font-semibold">{update.summary}</p>}
      {/* Upstream text is rendered as text, never as HTML; pre-line keeps its paragraphs. */}
      <p className="mt-1 text-sm leading-relaxed break-words whitespace-pre-line text-gray-800 dark:text-gray-200">{update.message}</p>
    </li>
  );
}

/** Newest update first; after the first three the rest fold away. */
export function EventTimeline({ updates }: { updates: readonly EventUpdate[] }) {
  if (updates.length === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">No updates published.</p>;
  const newestFirst = updates.toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const head = newestFirst.slice(0, VISIBLE_UPDATES);
  const rest = newestFirst.slice(VISIBLE_UPDATES);
  return (
    <div>
      <ol className="space-y-0" aria-label="Updates, newest first">
        {head.map((update) => (
          <UpdateItem key={`${update.at}-${update.summary}`} update={update} />
        ))}
      </ol>
      {rest.length > 0 && (
        <details className="group mt-3">
          <summary className="text-sm font-semibold text-blue-800 dark:text-sky-300">
            <span className="group-open:hidden">Show all {newestFirst.length} updates</span>
            <span className="hidden group-open:inline">Hide the {rest.length} older updates</span>
          </summary>
          <ol className="mt-3" aria-label="Older updates">
            {rest.map((update) => (
              <UpdateItem key={`${update.at}-${update.summary}`} update={update} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
