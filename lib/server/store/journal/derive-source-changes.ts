import type { AccountSourceCondition } from "@/lib/server/domain/account-sync-state";
import type { NewJournalEntry } from "@/lib/server/store/contract/journal-contract";
import type { SourceStateRow } from "@/lib/server/store/contract/store-records";

/** The ACCOUNT_HEALTH_SOURCE_ID of the Health API source (the store does not import sources). */
const ACCOUNT_SOURCE_ID = "account-health";

const NO_SCOPE = { region: null, service: null, accountId: null, category: null };

/** What a stored row says of its source, before the clock is considered (stale is a reading, not a write). */
export function describeStoredSourceState(row: SourceStateRow | null): "ok" | "error" | "unknown" {
  if (row === null) return "unknown";
  if (row.lastError !== null) return "error";
  return row.lastSuccessAt !== null ? "ok" : "unknown";
}

export function deriveSourceStateChange(sourceId: string, before: SourceStateRow | null, after: SourceStateRow | null, at: number): NewJournalEntry | null {
  const from = describeStoredSourceState(before);
  const to = describeStoredSourceState(after);
  if (from === to) return null;
  return { at, kind: "source.state", subject: { sourceId }, summary: { before: from, after: to, error: after?.lastError?.slice(0, 200) ?? null }, scope: NO_SCOPE };
}

/** The Health API source's lasting condition (unavailable, disabled) set or cleared. */
export function deriveConditionChange(before: AccountSourceCondition | null, after: AccountSourceCondition | null, at: number): NewJournalEntry | null {
  const from = before?.state ?? "available";
  const to = after?.state ?? "available";
  if (from === to) return null;
  return { at, kind: "source.state", subject: { sourceId: ACCOUNT_SOURCE_ID }, summary: { before: from, after: to, error: after?.reason.slice(0, 200) ?? null }, scope: NO_SCOPE };
}
