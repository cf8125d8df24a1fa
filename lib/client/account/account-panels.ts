import type { AccountEvent, EntityCounts } from "@/lib/shared/account-health-contract";
import { compareText } from "@/lib/shared/compare-services";

/** The three Personal Health Dashboard panels. */
export interface AccountPanels {
  openIssues: AccountEvent[];
  scheduledChanges: AccountEvent[];
  otherNotifications: AccountEvent[];
}

const ISSUE_CATEGORIES = new Set(["issue", "investigation"]);
const SCHEDULED_STATUSES = new Set(["upcoming", "open"]);

const timeOf = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** Most recently updated first; events without any time go last. */
export function compareByLastUpdate(a: AccountEvent, b: AccountEvent): number {
  const at = timeOf(a.lastUpdatedTime ?? a.startTime) ?? -Infinity;
  const bt = timeOf(b.lastUpdatedTime ?? b.startTime) ?? -Infinity;
  return bt - at || compareText(a.id, b.id);
}

/** Soonest start first; an unknown start goes last. */
export function compareByStart(a: AccountEvent, b: AccountEvent): number {
  const at = timeOf(a.startTime) ?? Infinity;
  const bt = timeOf(b.startTime) ?? Infinity;
  if (at === bt) return compareText(a.id, b.id);
  return at < bt ? -1 : 1;
}

/**
 * Open issues: issue/investigation that are open. Scheduled changes: scheduledChange upcoming or open.
 * Other notifications: every other event that is not closed (account notifications, unknown categories).
 */
export function groupAccountPanels(events: readonly AccountEvent[]): AccountPanels {
  const panels: AccountPanels = { openIssues: [], scheduledChanges: [], otherNotifications: [] };
  for (const event of events) {
    if (ISSUE_CATEGORIES.has(event.category) && event.status === "open") panels.openIssues.push(event);
    else if (event.category === "scheduledChange" && SCHEDULED_STATUSES.has(event.status)) panels.scheduledChanges.push(event);
    else if (event.status !== "closed") panels.otherNotifications.push(event);
  }
  panels.openIssues.sort(compareByLastUpdate);
  panels.scheduledChanges.sort(compareByStart);
  panels.otherNotifications.sort(compareByLastUpdate);
  return panels;
}

/** Security events that are not closed, newest first: these pin the banner. */
export function selectOpenSecurityEvents(events: readonly AccountEvent[]): AccountEvent[] {
  return events.filter((event) => event.isSecurity && event.status !== "closed").sort(compareByLastUpdate);
}

export function isPlannedLifecycleEvent(eventTypeCode: string): boolean {
  return /_PLANNED_LIFECYCLE_EVENT$/i.test(eventTypeCode);
}

export interface LifecycleCounts {
  pending: number;
  resolved: number;
  /** entities in any other status (unknown codes included) */
  other: number;
  total: number;
}

export function readLifecycleCounts(counts: EntityCounts): LifecycleCounts {
  const pending = counts.byStatus.PENDING ?? 0;
  const resolved = counts.byStatus.RESOLVED ?? 0;
  const total = Math.max(counts.total, pending + resolved);
  return { pending, resolved, other: total - pending - resolved, total };
}
