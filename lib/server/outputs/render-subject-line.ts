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
 * "EC2 operational issue": the service, then the event type code without its AWS_<SERVICE>_ prefix in words
 * (AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED → "EC2 instance retirement scheduled"), else the category in words.
 */
export function describeChange(change: NotificationChange): string {
  const service = change.service.toUpperCase();
  const prefix = `AWS_${service}_`;
  const code = change.eventTypeCode?.toUpperCase() ?? "";
  const words = code.startsWith(prefix) && code.length > prefix.length ? code.slice(prefix.length).toLowerCase().replaceAll("_", " ") : (CATEGORY_WORDS[categoryOf(change)] ?? "event");
  return `${service} ${words}`;
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
