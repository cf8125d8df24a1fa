import type { JournalEntry, JournalKind } from "@/lib/server/store/contract/journal-contract";
import type { NotificationSource } from "@/lib/server/outputs/config/notify-config-schema";
import { isSecurityEventCode } from "@/lib/shared/account-health-contract";

export type ChangeKind = "opened" | "updated" | "resolved";

/** What rules filter on, read from one journal entry. */
export interface NotificationFacts {
  source: NotificationSource;
  kind: ChangeKind;
  eventId: string;
  service: string | null;
  region: string | null;
  accountId: string | null;
  category: string | null;
  eventTypeCode: string | null;
  isSecurity: boolean;
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
  return {
    ...mapped,
    eventId,
    service: entry.scope.service,
    region: entry.scope.region,
    accountId: entry.scope.accountId,
    category: entry.scope.category ?? (mapped.source === "public" ? "issue" : null),
    eventTypeCode,
    isSecurity: mapped.source === "account" && eventTypeCode !== null && isSecurityEventCode(eventTypeCode, entry.scope.service),
  };
}
