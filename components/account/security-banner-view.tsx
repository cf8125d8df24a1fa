import { AppLink } from "@/components/ui/app-link";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { labelRegion } from "@/lib/client/aws-regions";
import { describeEventType } from "@/lib/client/account/describe-event-type";
import { SecurityIcon } from "@/components/account/account-badges";
import { TimeStamp } from "@/components/ui/time-stamp";

const LISTED = 3;
const LINK = "font-bold underline decoration-2 underline-offset-2 focus-visible:outline-white";

/** Open security events, unmissable: solid red, a shield icon and words, pinned above everything until AWS closes them. */
export function SecurityBannerView({ events }: { events: readonly AccountEvent[] }) {
  if (events.length === 0) return null;
  const listed = events.slice(0, LISTED);
  const accounts = new Set(events.map((event) => event.accountId).filter((id) => id !== null));
  return (
    <div role="alert" data-security-banner="" className="border-b-4 border-red-950 bg-red-700 text-white dark:border-red-300 dark:bg-red-900 dark:text-white">
      <div className="mx-auto flex max-w-[120rem] gap-3 px-4 py-3 sm:px-6">
        <SecurityIcon className="mt-0.5 size-7 text-white [--security-glyph:var(--color-red-700)] dark:text-white dark:[--security-glyph:var(--color-red-900)]" />
        <div className="min-w-0 space-y-1">
          <p className="text-lg font-bold">
            Security alert:{" "}
            {events.length === 1
              ? "AWS reports a security risk in your account"
              : `${events.length} open security events in ${accounts.size > 1 ? `${accounts.size} of your accounts` : "your account"}`}
          </p>
          <ul className="space-y-0.5">
            {listed.map((event) => (
              <li key={event.id} className="break-words">
                <AppLink href={`/events/${encodeURIComponent(event.id)}`} className={LINK}>
                  {describeEventType(event.eventTypeCode)}
                </AppLink>{" "}
                <span className="font-mono text-sm">({event.eventTypeCode})</span>
                {event.accountId !== null && <> in account <span className="font-mono font-semibold">{event.accountId}</span></>}
                {event.region !== null && <>, {labelRegion(event.region)}</>}
                {event.startTime !== null && (
                  <>
                    , since <TimeStamp iso={event.startTime} className="[&_span]:text-inherit" />
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className="text-sm">
            {events.length > LISTED && (
              <>
                <AppLink href="/account" className={LINK}>
                  {events.length - LISTED} more
                </AppLink>
                .{" "}
              </>
            )}
            This banner stays until AWS closes the event.
          </p>
        </div>
      </div>
    </div>
  );
}
