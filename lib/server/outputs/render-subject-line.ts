import type { NotificationChange, NotificationDigest } from "@/lib/server/outputs/notification-change";

/** The word a subject line starts with, per message kind (e-mail and SNS). */
export const KIND_WORD: Record<NotificationChange["kind"], string> = { opened: "NEW", updated: "UPDATE", resolved: "RESOLVED", reminder: "REMINDER" };

const CATEGORY_WORDS: Record<string, string> = {
  issue: "operational issue",
  scheduledChange: "scheduled change",
  accountNotification: "account notification",
  investigation: "investigation",
};

const categoryOf = (change: NotificationChange) => ("category" in change.event ? change.event.category : "issue");

/**
 * "EC2 operational issue": the service as the event type code spells it, then the rest of the code in words
 * (AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED → "EC2 instance retirement scheduled", AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE
 * → "MULTIPLE SERVICES operational issue"), else the service and the category in words.
 */
export function describeChange(change: NotificationChange): string {
  const squashed = change.service.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const parts = (change.eventTypeCode?.toUpperCase() ?? "").replace(/^AWS_/, "").split("_");
  for (let split = 1; split < parts.length; split += 1) {
    if (parts.slice(0, split).join("") === squashed) return `${parts.slice(0, split).join(" ")} ${parts.slice(split).join(" ").toLowerCase()}`;
  }
  return `${change.service.toUpperCase()} ${CATEGORY_WORDS[categoryOf(change)] ?? "event"}`;
}

/** Line breaks and control characters never reach a header. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();

/** `[Healthdeck] RESOLVED: EC2 operational issue in eu-west-1` (security events say so first). */
export function renderSubjectLine(change: NotificationChange): string {
  const security = change.isSecurity ? "SECURITY " : "";
  return oneLine(`[Healthdeck] ${security}${KIND_WORD[change.kind]}: ${describeChange(change)} in ${change.region ?? "global"}`);
}

export function renderDigestSubjectLine(digest: NotificationDigest): string {
  return `[Healthdeck] DIGEST: ${digest.total} change${digest.total === 1 ? "" : "s"} in ${digest.windowMinutes} minute${digest.windowMinutes === 1 ? "" : "s"}`;
}
