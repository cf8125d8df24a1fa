import type { AccountEvent, EntityCounts } from "@/lib/shared/account-health-contract";
import type { NewJournalEntry } from "@/lib/server/store/contract/journal-contract";

const VISIBLE_FIELDS = ["status", "description", "startTime", "endTime", "lastUpdatedTime", "region", "availabilityZone", "eventTypeCode", "category", "service"] as const;

function scopeOf(event: AccountEvent): NewJournalEntry["scope"] {
  return { region: event.region, service: event.service.toLowerCase(), accountId: event.accountId, category: event.category };
}

function subjectOf(event: AccountEvent): NewJournalEntry["subject"] {
  return { eventId: event.id, arn: event.arn, ...(event.accountId ? { accountId: event.accountId } : {}) };
}

/** account.event.opened / closed / updated for one upsert; nothing when no field a user sees changed. */
export function deriveAccountEventChange(before: AccountEvent | null, after: AccountEvent, at: number): NewJournalEntry | null {
  let kind: NewJournalEntry["kind"];
  if (!before) kind = after.status === "closed" ? "account.event.closed" : "account.event.opened";
  else if (before.status !== after.status && after.status === "closed") kind = "account.event.closed";
  else if (VISIBLE_FIELDS.some((field) => before[field] !== after[field])) kind = "account.event.updated";
  else return null;
  return {
    at,
    kind,
    subject: subjectOf(after),
    summary: {
      statusBefore: before?.status ?? null,
      status: after.status,
      eventTypeCode: after.eventTypeCode,
      lastUpdatedTime: after.lastUpdatedTime,
      firstSeen: !before,
      // which fields a user sees changed, comma-separated: notifications send only material updates
      changedFields: before ? VISIBLE_FIELDS.filter((field) => before[field] !== after[field]).join(",") : null,
    },
    scope: scopeOf(after),
  };
}

/** account.event.entities when an event's stored resources or their counts changed. */
export function deriveEntitiesChange(event: AccountEvent, before: EntityCounts, after: EntityCounts, changedRows: number, at: number): NewJournalEntry | null {
  const isSameCounts = before.total === after.total && JSON.stringify(before.byStatus) === JSON.stringify(after.byStatus);
  if (changedRows === 0 && isSameCounts) return null;
  return {
    at,
    kind: "account.event.entities",
    subject: subjectOf(event),
    summary: {
      totalBefore: before.total,
      total: after.total,
      changed: changedRows,
      impairedBefore: before.byStatus.IMPAIRED ?? 0,
      impaired: after.byStatus.IMPAIRED ?? 0,
      // false when only rows' details changed (an entity's lastUpdatedTime): notifications do not send those
      countsChanged: !isSameCounts,
      status: event.status,
    },
    scope: scopeOf(event),
  };
}
