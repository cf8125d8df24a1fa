import { AppLink } from "@/components/ui/app-link";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { groupAccountPanels } from "@/lib/client/account/account-panels";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { AccountEventItem } from "@/components/account/account-event-item";

interface PanelSpec {
  id: string;
  title: string;
  empty: string;
  logHref: string;
  emphasis: "start" | "update";
}

const PANELS = {
  openIssues: { id: "open-issues", title: "Open issues", empty: "No open issues in your accounts.", logHref: "/account/events?category=issue,investigation&status=open", emphasis: "update" },
  scheduledChanges: {
    id: "scheduled-changes",
    title: "Scheduled changes",
    empty: "No upcoming or ongoing scheduled changes.",
    logHref: "/account/events?category=scheduledChange&status=upcoming,open&sort=start-asc",
    emphasis: "start",
  },
  otherNotifications: { id: "other-notifications", title: "Other notifications", empty: "No open notifications.", logHref: "/account/events?status=open,upcoming", emphasis: "update" },
} satisfies Record<string, PanelSpec>;

function AccountPanel({ spec, events, limit, compact }: { spec: PanelSpec; events: AccountEvent[]; limit: number; compact: boolean }) {
  const headingId = `${spec.id}-heading`;
  const Heading = compact ? "h3" : "h2";
  const shown = events.slice(0, limit);
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-gray-200 bg-gray-100/70 p-3 sm:p-4 dark:border-gray-800 dark:bg-gray-900/50" data-panel={spec.id}>
      <Heading id={headingId} className={`flex items-center justify-between gap-2 font-bold ${compact ? "text-base" : "text-lg"}`}>
        <span>{spec.title}</span>
        <span className="rounded-full bg-gray-900 px-2.5 py-0.5 text-sm font-bold text-white tabular-nums dark:bg-gray-100 dark:text-gray-950">
          {formatCount(events.length)}
          <span className="sr-only"> {events.length === 1 ? "event" : "events"}</span>
        </span>
      </Heading>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-gray-700 dark:text-gray-300">{spec.empty}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {shown.map((event) => (
            <AccountEventItem key={event.id} event={event} emphasis={spec.emphasis} compact={compact} />
          ))}
        </ul>
      )}
      {events.length > shown.length && (
        <p className="mt-2 text-sm">
          <AppLink href={spec.logHref} className="font-semibold text-blue-800 underline dark:text-sky-300">
            {formatCount(events.length - shown.length)} more in the event log
          </AppLink>
        </p>
      )}
    </section>
  );
}

/** Open issues, scheduled changes and other notifications, side by side on wide screens. */
export function AccountPanels({ events, compact = false }: { events: readonly AccountEvent[]; compact?: boolean }) {
  const panels = groupAccountPanels(events);
  const limit = compact ? 3 : 50;
  return (
    <div className={compact ? "grid gap-3" : "grid gap-4 lg:grid-cols-3"}>
      <AccountPanel spec={PANELS.openIssues} events={panels.openIssues} limit={limit} compact={compact} />
      <AccountPanel spec={PANELS.scheduledChanges} events={panels.scheduledChanges} limit={limit} compact={compact} />
      <AccountPanel spec={PANELS.otherNotifications} events={panels.otherNotifications} limit={limit} compact={compact} />
    </div>
  );
}
