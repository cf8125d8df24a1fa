import type { SeverityName } from "@/lib/server/outputs/config/notify-config-schema";

/**
 * One scale for both sides, so that a rule that says `minSeverity: degraded` also means something for account
 * events: 1 = for information, 2 = something to plan for or a partial impact, 3 = an outage or an issue.
 */
const LEVEL_OF_NAME: Record<SeverityName, number> = {
  informational: 1,
  accountNotification: 1,
  degraded: 2,
  scheduledChange: 2,
  disrupted: 3,
  issue: 3,
};

// An unknown public status is never ranked as calm: it stands with degraded. "operational" only describes a
// resolved event, which is judged by the status it had before (see readNotificationFacts).
const PUBLIC_STATUS_LEVEL: Record<string, number> = { operational: 0, informational: 1, unknown: 2, degraded: 2, disrupted: 3 };
const ACCOUNT_CATEGORY_LEVEL: Record<string, number> = { accountNotification: 1, scheduledChange: 2, issue: 3, investigation: 3 };

export const levelOfSeverityName = (name: SeverityName): number => LEVEL_OF_NAME[name];

/** Public events rank by their status, account events by their category; what is not known ranks high (never hidden). */
export function rankSeverity(source: "public" | "account", status: string | null, category: string | null): number {
  if (source === "public") return status === null ? 2 : (PUBLIC_STATUS_LEVEL[status] ?? 2);
  return category === null ? 3 : (ACCOUNT_CATEGORY_LEVEL[category] ?? 3);
}
