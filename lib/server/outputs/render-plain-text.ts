import { describeAccountImpact } from "@/lib/server/outputs/describe-account-impact";
import { describeReminder } from "@/lib/server/outputs/reminders/plan-reminders";
import type { NotificationChange, NotificationDigest } from "@/lib/server/outputs/notification-change";
import { cutText } from "@/lib/server/outputs/slack/render-slack-message";

/** Bounds of a plain-text message (e-mail parts, SNS): far below SNS's 256 KB even in 4-byte characters. */
export const PLAIN_TEXT_LIMITS = { titleChars: 1000, factChars: 1000, latestUpdateChars: 20_000, shownResources: 10, shownAccounts: 20, shownDigestItems: 200 } as const;

export const KIND_LABEL: Record<NotificationChange["kind"], string> = { opened: "New", updated: "Update", resolved: "Resolved", reminder: "Reminder" };

const time = (iso: string | null) => (iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC") : "—");

export const labelOf = (change: NotificationChange) => `${change.isSecurity ? "Security · " : ""}${KIND_LABEL[change.kind]}`;
export const footerOf = (change: NotificationChange) => `Healthdeck · ${change.source} event · ${change.kind === "updated" ? "update to a known event" : change.kind} · ${change.eventId}`;
export const digestHeadingOf = (digest: NotificationDigest) =>
  `Digest: ${digest.total} change${digest.total === 1 ? "" : "s"} in ${digest.windowMinutes} minute${digest.windowMinutes === 1 ? "" : "s"}`;
export const digestLineOf = (item: NotificationChange) => `${cutText(item.title, 300)} — ${item.region ?? "global"}`;

function listAccounts(accounts: readonly string[]): string {
  if (accounts.length === 0) return "—";
  const shown = accounts.slice(0, PLAIN_TEXT_LIMITS.shownAccounts).join(", ");
  return accounts.length > PLAIN_TEXT_LIMITS.shownAccounts ? `${shown} …and ${accounts.length - PLAIN_TEXT_LIMITS.shownAccounts} more` : shown;
}

/** The parts every text rendering shows, each already cut to its bound. */
export function readChangeParts(change: NotificationChange) {
  const facts: [string, string][] = [
    ["Status", change.status],
    ["Service", change.service],
    ["Region", change.region ?? "global"],
    ["Accounts", listAccounts(change.accounts)],
    ["Started", time(change.startedAt)],
    ["Ended", time(change.endedAt)],
  ];
  if (change.kind === "reminder" && change.reminder) facts.push(["Starts", describeReminder(change.reminder)]);
  const impact = describeAccountImpact(change);
  if (impact) facts.push(["Impact", impact]);
  if (change.eventTypeCode) facts.push(["Event type", change.eventTypeCode]);
  const { sample, total } = change.resources;
  const resources = sample.slice(0, PLAIN_TEXT_LIMITS.shownResources).map((resource) => cutText(resource, 300));
  return {
    label: labelOf(change),
    title: cutText(change.title, PLAIN_TEXT_LIMITS.titleChars),
    facts: facts.map(([name, value]): [string, string] => [name, cutText(value, PLAIN_TEXT_LIMITS.factChars)]),
    resources,
    resourceTotal: total,
    moreResources: total - resources.length,
    latest: change.latestUpdate ? cutText(change.latestUpdate, PLAIN_TEXT_LIMITS.latestUpdateChars) : null,
    footer: footerOf(change),
  };
}

/** One change as plain text (the e-mail's text part, the SNS message). Pure. */
export function renderPlainText(change: NotificationChange): string {
  const parts = readChangeParts(change);
  return [
    `${parts.label}: ${parts.title}`,
    "",
    ...parts.facts.map(([name, value]) => `${name}: ${value}`),
    ...(parts.resourceTotal > 0
      ? ["", `Affected resources (${parts.resourceTotal}):`, ...parts.resources.map((resource) => `- ${resource}`), ...(parts.moreResources > 0 ? [`…and ${parts.moreResources} more`] : [])]
      : []),
    ...(parts.latest ? ["", "Latest update:", parts.latest] : []),
    ...(change.link ? ["", `Open in Healthdeck: ${change.link}`] : []),
    "",
    `-- ${parts.footer}`,
  ].join("\n");
}

/** A digest as plain text: each change with its kind, title, region and link, then "…and N more". Pure. */
export function renderDigestPlainText(digest: NotificationDigest): string {
  const shown = digest.items.slice(0, PLAIN_TEXT_LIMITS.shownDigestItems);
  const more = digest.total - shown.length;
  return [
    digestHeadingOf(digest),
    "",
    ...shown.map((item) => `- ${KIND_LABEL[item.kind]}: ${digestLineOf(item)}${item.link ? ` ${item.link}` : ""}`),
    ...(more > 0 ? [`…and ${more} more`] : []),
    ...(digest.link ? ["", `Notifications page: ${digest.link}`] : []),
  ].join("\n");
}
