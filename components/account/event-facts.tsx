import type { ReactNode } from "react";
import type { AccountEventDetail } from "@/lib/shared/account-health-contract";
import { labelCategory } from "@/lib/client/account/describe-event-type";
import { EventStatusBadge } from "@/components/account/account-badges";
import { describeWhere } from "@/components/account/account-event-item";
import { Countdown } from "@/components/account/countdown";
import { TimeStamp } from "@/components/ui/time-stamp";

const ORIGIN_LABELS: Record<string, string> = { api: "AWS Health API", eventbridge: "EventBridge push" };

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const unknown = <span className="text-gray-600 dark:text-gray-400">not reported</span>;

/** The event's key facts as a definition list. */
export function EventFacts({ event }: { event: AccountEventDetail }) {
  const noEnd = event.status === "upcoming" ? "not announced" : event.status === "closed" ? "not reported" : "ongoing";
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-4">
      <Fact term="Status">
        <EventStatusBadge status={event.status} />
      </Fact>
      <Fact term="Category">{labelCategory(event.category)}</Fact>
      <Fact term="Service">{event.service || unknown}</Fact>
      <Fact term="Region">{describeWhere(event)}</Fact>
      <Fact term="Account">{event.accountId === null ? unknown : <span className="font-mono">{event.accountId}</span>}</Fact>
      <Fact term="Scope">{event.scope === null ? unknown : event.scope === "PUBLIC" ? "Public (all customers in the region)" : event.scope === "ACCOUNT_SPECIFIC" ? "Specific to this account" : event.scope}</Fact>
      <Fact term="Start">
        {event.startTime === null ? (
          unknown
        ) : (
          <>
            <TimeStamp iso={event.startTime} />
            <span className="block text-sm text-gray-700 dark:text-gray-300">
              <Countdown startIso={event.startTime} />
            </span>
          </>
        )}
      </Fact>
      <Fact term="End">{event.endTime === null ? <span className="text-gray-700 dark:text-gray-300">{noEnd}</span> : <TimeStamp iso={event.endTime} />}</Fact>
      <Fact term="Last update">{event.lastUpdatedTime === null ? unknown : <TimeStamp iso={event.lastUpdatedTime} />}</Fact>
      {event.actionability !== null && <Fact term="Action">{event.actionability.replaceAll("_", " ").toLowerCase().replace(/^./, (c) => c.toUpperCase())}</Fact>}
      {event.personas.length > 0 && <Fact term="For">{event.personas.map((persona) => persona.toLowerCase()).join(", ")}</Fact>}
      <Fact term="Received from">{event.origins.map((origin) => ORIGIN_LABELS[origin] ?? origin).join(" and ") || unknown}</Fact>
      <div className="min-w-0 sm:col-span-2 xl:col-span-4">
        <dt className="text-sm text-gray-600 dark:text-gray-400">Event ARN</dt>
        <dd className="mt-0.5 font-mono text-sm break-all">{event.arn}</dd>
      </div>
    </dl>
  );
}
