import type { JournalEntry, JournalKind } from "@/lib/server/store/contract/journal-contract";
import type { NotificationSource } from "@/lib/server/outputs/config/notify-config-schema";
import { isSecurityEventCode } from "@/lib/shared/account-health-contract";
import { rankSeverity } from "@/lib/server/outputs/rules/rank-severity";

export type ChangeKind = "opened" | "updated" | "resolved";

/** What rules filter on, read from one journal entry. */
export interface NotificationFacts {
  source: NotificationSource;
  /** "reminder" for the reminders job's facts, never from the journal */
  kind: ChangeKind | "reminder";
  eventId: string;
  service: string | null;
  region: string | null;
  accountId: string | null;
  category: string | null;
  eventTypeCode: string | null;
  isSecurity: boolean;
  /** the event's status (a resolved public event: the status it had while open), null when the entry does not say */
  status: string | null;
  /** 0-3, see rankSeverity */
  severity: number;
  /** false for an update that changed nothing a reader acts on (only lastUpdatedTime, an end time…): not sent */
  isMaterial: boolean;
}

/**
 * What makes an update worth a message: its status, the latest description, the affected resources or services
 * (their number or statuses), or when a change starts or ends. Entries without `changedFields` (older journals) count as material.
 */
const MATERIAL_FIELDS: Record<NotificationSource, ReadonlySet<string>> = {
  public: new Set(["status", "summary", "updates", "impacted"]),
  account: new Set(["status", "description", "startTime", "endTime"]),
};

function isMaterialChange(source: NotificationSource, journalKind: JournalKind, changed: unknown, countsChanged: unknown): boolean {
  // Resources whose counts by status stayed the same (an entity re-stamped) are not news.
  if (journalKind === "account.event.entities") return countsChanged !== false;
  if (journalKind !== "public.event.updated" && journalKind !== "account.event.updated") return true;
  if (typeof changed !== "string") return true;
  return changed.split(",").some((field) => MATERIAL_FIELDS[source].has(field));
}

const KINDS: Partial<Record<JournalKind, { source: NotificationSource; kind: ChangeKind }>> = {
  "public.event.opened": { source: "public", kind: "opened" },
  "public.event.updated": { source: "public", kind: "updated" },
  // Open again after a resolution: a change of status of a known event, so an update, never "new".
  "public.event.reopened": { source: "public", kind: "updated" },
  "public.event.resolved": { source: "public", kind: "resolved" },
  "account.event.opened": { source: "account", kind: "opened" },
  "account.event.updated": { source: "account", kind: "updated" },
  "account.event.entities": { source: "account", kind: "updated" },
  "account.event.closed": { source: "account", kind: "resolved" },
};

/** Public event ARNs name their type: arn:aws:health:<region>::event/<SERVICE>/<TYPE_CODE>/<id>. */
export function readTypeCodeFromArn(arn: string | undefined): string | null {
  return arn?.match(/:event\/(?:[^/]+\/)?([A-Z][A-Z0-9_]+)\/[^/]+$/)?.[1] ?? null;
}

/** Facts of an event change, or null for entries that are not about an event (service status, sources). */
export function readNotificationFacts(entry: Pick<JournalEntry, "kind" | "subject" | "summary" | "scope">): NotificationFacts | null {
  const mapped = KINDS[entry.kind];
  const eventId = entry.subject.eventId;
  if (!mapped || !eventId) return null;
  const summaryCode = entry.summary.eventTypeCode;
  const eventTypeCode = typeof summaryCode === "string" ? summaryCode : readTypeCodeFromArn(entry.subject.arn);
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  // A resolved public event reads "operational": the team that heard of a disruption must hear it ended.
  const status = mapped.source === "public" && mapped.kind === "resolved" ? (text(entry.summary.statusBefore) ?? text(entry.summary.status)) : text(entry.summary.status);
  const category = entry.scope.category ?? (mapped.source === "public" ? "issue" : null);
  return {
    ...mapped,
    eventId,
    service: entry.scope.service,
    region: entry.scope.region,
    accountId: entry.scope.accountId,
    category,
    eventTypeCode,
    isSecurity: mapped.source === "account" && eventTypeCode !== null && isSecurityEventCode(eventTypeCode, entry.scope.service),
    status,
    severity: rankSeverity(mapped.source, status, category),
    isMaterial: isMaterialChange(mapped.source, entry.kind, entry.summary.changedFields, entry.summary.countsChanged),
  };
}
