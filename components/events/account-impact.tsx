import { AppLink } from "@/components/ui/app-link";
import type { AccountImpact } from "@/lib/shared/public-status-contract";
import { formatCount } from "@/lib/client/format-count";

/** "This touches your resources": which of your account events and resources a public event concerns. */
export function AccountImpactNote({ impact }: { impact: AccountImpact }) {
  const resources = impact.affectedResources;
  return (
    <section
      data-account-impact=""
      aria-label="Your accounts"
      className="mt-3 rounded-md border-2 border-indigo-700 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-300 dark:bg-indigo-950 dark:text-indigo-50"
    >
      <p className="font-bold">
        <span aria-hidden="true">◆ </span>
        Touches your accounts: {impact.events.length} open event{impact.events.length === 1 ? "" : "s"}
        {resources > 0 ? `, ${formatCount(resources)} affected resource${resources === 1 ? "" : "s"}` : ""}
      </p>
      {impact.sampleResources.length > 0 && (
        <p className="mt-1 font-mono text-xs break-all">
          {impact.sampleResources.join(", ")}
          {resources > impact.sampleResources.length ? " …" : ""}
        </p>
      )}
      <ul className="mt-1 flex flex-wrap gap-x-3">
        {impact.events.map((event) => (
          <li key={event.id}>
            <AppLink href={`/events/${event.id}`} className="underline">
              {event.eventTypeCode}
              {event.accountId === null ? "" : ` · ${event.accountId}`}
            </AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
