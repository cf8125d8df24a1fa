import type { HealthEvent } from "@/lib/simulator/account-world";
import type { OperationContext } from "@/lib/simulator/health-api/health-operation-context";
import {
  isVisibleTo,
  matchesCriteria,
  sortNewestFirst,
  type EventCriteria,
  type HealthView,
} from "@/lib/simulator/health-api/match-event-filter";

export function accountView(context: OperationContext): HealthView {
  return { kind: "account", accountId: context.caller.id };
}

export function organizationView(accountIds: readonly string[] | undefined): HealthView {
  return { kind: "organization", accountIds: accountIds ? new Set(accountIds) : null };
}

/** The view's events matching the criteria, newest lastUpdatedTime first; cached per world version. */
export function listEvents(context: OperationContext, view: HealthView, criteria: EventCriteria): HealthEvent[] {
  const viewKey = view.kind === "account" ? view.accountId : [...(view.accountIds ?? [])].sort();
  return context.cache.remember(["events", view.kind, viewKey, criteria], context.world, () =>
    sortNewestFirst([...context.world.events.values()].filter((event) => isVisibleTo(event, view) && matchesCriteria(event, criteria, view))),
  );
}

/** The event behind an ARN if the view may see it. */
export function findVisibleEvent(context: OperationContext, view: HealthView, arn: string): HealthEvent | null {
  const event = context.world.events.get(arn);
  return event && isVisibleTo(event, view) ? event : null;
}
