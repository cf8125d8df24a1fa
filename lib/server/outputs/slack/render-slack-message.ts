import { describeAccountImpact } from "@/lib/server/outputs/describe-account-impact";
import type { NotificationChange } from "@/lib/server/outputs/notification-change";
import { describeReminder } from "@/lib/server/outputs/reminders/plan-reminders";

/** Slack's limits (Block Kit reference) and our budget below the observed `msg_blocks_too_long` (~13 k). */
export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, fieldText: 2000, fields: 10, totalChars: 12_000, fallbackText: 4000 } as const;
const SHOWN_RESOURCES = 5;

export interface SlackText {
  type: "plain_text" | "mrkdwn";
  text: string;
}
export type SlackBlock =
  | { type: "header"; text: SlackText }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | { type: "actions"; elements: { type: "button"; text: SlackText; url: string; action_id: string }[] };
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const LABEL: Record<NotificationChange["kind"], string> = { opened: "New", updated: "Update", resolved: "Resolved", reminder: "Reminder" };
const ICON: Record<NotificationChange["kind"], string> = {
  opened: ":red_circle:",
  updated: ":large_orange_circle:",
  resolved: ":white_check_mark:",
  reminder: ":calendar:",
};

/** Cuts to `max` characters, saying how much was left out. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const more = (left: number) => `…and ${left} more characters`;
  const keep = max - more(text.length).length - 1;
  return `${text.slice(0, Math.max(0, keep))}${more(text.length - Math.max(0, keep))}`;
}

/** Slack mrkdwn treats &, < and > as markup: upstream text stays text. */
const escapeMrkdwn = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const time = (iso: string | null) => (iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC") : "—");

/** The first few resources (each cut short) that fit in one section, and how many more there are. */
function listResources(change: NotificationChange): string {
  const { sample, total } = change.resources;
  if (total === 0) return "";
  const head = `*Affected resources (${total})*`;
  const shown: string[] = [];
  let length = head.length;
  for (const item of sample.slice(0, SHOWN_RESOURCES)) {
    const line = `• ${cutText(escapeMrkdwn(item), 300)}`;
    if (length + line.length + 40 > SLACK_LIMITS.sectionText) break;
    shown.push(line);
    length += line.length + 1;
  }
  const more = total - shown.length;
  return [head, ...shown, ...(more > 0 ? [`…and ${more} more`] : [])].join("\n");
}

function listAccounts(accounts: readonly string[]): string {
  if (accounts.length === 0) return "—";
  const shown = accounts.slice(0, 5).join(", ");
  return accounts.length > 5 ? `${shown} …and ${accounts.length - 5} more` : shown;
}

/** Plain fallback (notifications, screen readers): what, where, and that it is an update when it is one. */
export function renderSlackFallback(change: NotificationChange): string {
  const where = change.region ? ` in ${change.region}` : "";
  const security = change.isSecurity ? "SECURITY " : "";
  const label = change.kind === "reminder" && change.reminder ? describeReminder(change.reminder) : LABEL[change.kind].toUpperCase();
  return cutText(`[Healthdeck] ${security}${label}: ${change.title}${where} (${change.status})${change.link ? ` ${change.link}` : ""}`, SLACK_LIMITS.fallbackText);
}

/** An incoming-webhook Block Kit message within Slack's limits. Pure. */
export function renderSlackMessage(change: NotificationChange): SlackMessage {
  const header = `${change.isSecurity ? "Security · " : ""}${LABEL[change.kind]}: ${change.title}`;
  const fields = [
    { text: `*Status*\n${escapeMrkdwn(change.status)}` },
    { text: `*Service*\n${escapeMrkdwn(change.service)}` },
    { text: `*Region*\n${escapeMrkdwn(change.region ?? "global")}` },
    { text: `*Accounts*\n${escapeMrkdwn(listAccounts(change.accounts))}` },
    { text: `*Started*\n${time(change.startedAt)}` },
    { text: `*Ended*\n${time(change.endedAt)}` },
  ].map((field): SlackText => ({ type: "mrkdwn", text: cutText(field.text, SLACK_LIMITS.fieldText) }));
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: cutText(`${ICON[change.kind]} ${header}`, SLACK_LIMITS.headerText) } },
    ...(change.kind === "reminder" && change.reminder ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: `*${describeReminder(change.reminder)}*` } }] : []),
    { type: "section", fields },
  ];
  const impact = describeAccountImpact(change);
  if (impact) blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${impact}*` } });
  const resources = listResources(change);
  if (resources) blocks.push({ type: "section", text: { type: "mrkdwn", text: resources } });
  const context: SlackBlock = {
    type: "context",
    elements: [{ type: "mrkdwn", text: `Healthdeck · ${change.source} event · ${change.kind === "updated" ? "update to a known event" : change.kind} · ${escapeMrkdwn(change.eventTypeCode ?? change.eventId)}` }],
  };
  const actions: SlackBlock[] = change.link
    ? [{ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Healthdeck" }, url: change.link, action_id: "open-event" }] }]
    : [];
  if (change.latestUpdate) {
    const used = JSON.stringify([...blocks, context, ...actions]).length + renderSlackFallback(change).length;
    const budget = Math.min(SLACK_LIMITS.sectionText, SLACK_LIMITS.totalChars - used - 200);
    const prefix = `*Latest update*\n`;
    if (budget > prefix.length + 40) blocks.push({ type: "section", text: { type: "mrkdwn", text: prefix + cutText(escapeMrkdwn(change.latestUpdate), budget - prefix.length) } });
  }
  blocks.push(...actions, context);
  return { text: renderSlackFallback(change), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** Characters Slack counts against a message: every text in every block, plus the fallback. */
export function countSlackChars(message: SlackMessage): number {
  let total = message.text.length;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") total += inner.length;
        else visit(inner);
      }
    }
  };
  visit(message.blocks);
  return total;
}
