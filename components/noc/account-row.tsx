import { memo } from "react";
import type { HealthStatus } from "@/lib/shared/health-status";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { describeEventType, formatCount } from "@/lib/client/account/describe-event-type";
import { StatusIcon } from "@/components/ui/status-icon";
import { NewTag } from "@/components/noc/new-tag";
import { AgoTime, CountdownTime, StartsAt } from "@/components/noc/wall-times";

export type AccountRowKind = "security" | "issue" | "scheduled";

const LOOK: Record<AccountRowKind, { icon: HealthStatus; tone: string }> = {
  security: { icon: "disrupted", tone: "disrupted" },
  issue: { icon: "degraded", tone: "degraded" },
  scheduled: { icon: "informational", tone: "informational" },
};

function chipWord(kind: AccountRowKind, event: AccountEvent): string {
  if (kind === "security") return "Security";
  if (kind === "scheduled") return event.status === "open" ? "Under way" : "Scheduled";
  return event.category === "investigation" ? "Investigation" : "Issue";
}

function where(event: AccountEvent): string {
  const parts = [event.service, event.region ?? "global"];
  if (event.accountId !== null) parts.push(event.accountId);
  return parts.join(" · ");
}

/** One of your account events: what, where, which account, and how long ago or how soon. */
export const AccountRow = memo(function AccountRow({ event, kind, isNew }: { event: AccountEvent; kind: AccountRowKind; isNew: boolean }) {
  const look = LOOK[kind];
  const affected = event.entityCounts.total;
  const updated = event.lastUpdatedTime ?? event.startTime;
  return (
    <div className="noc-row" data-status={look.tone} data-kind={kind} data-new={isNew || undefined} data-event-id={event.id}>
      <p className="noc-line1">
        <span className="noc-chip">
          <StatusIcon status={look.icon} className="noc-icon" />
          {/* Upcoming changes need no word beside the region's title, and the countdown needs the room. */}
          <span className={kind === "scheduled" && event.status !== "open" ? "noc-sr" : undefined}>{chipWord(kind, event)}</span>
        </span>
        <span className="noc-title">{describeEventType(event.eventTypeCode)}</span>
        {kind === "scheduled" && event.startTime !== null && (
          <span className="noc-when">
            <CountdownTime iso={event.startTime} />
          </span>
        )}
        {isNew && <NewTag />}
      </p>
      <p className="noc-line2 noc-facts">
        <span className="noc-meta">{where(event)}</span>
        {affected > 0 && <span>{` · ${formatCount(affected)} resource${affected === 1 ? "" : "s"}`}</span>}
        {kind === "scheduled" && event.startTime !== null && (
          <span>
            {" · "}
            <StartsAt iso={event.startTime} />
          </span>
        )}
        {kind !== "scheduled" && updated !== null && (
          <span>
            {" · updated "}
            <AgoTime iso={updated} />
          </span>
        )}
      </p>
    </div>
  );
});
