import { describeAccountImpact } from "@/lib/server/outputs/describe-account-impact";
import { describeReminder } from "@/lib/server/outputs/reminders/plan-reminders";
import type { NotificationChange, NotificationDigest } from "@/lib/server/outputs/notification-change";
import { cutText } from "@/lib/server/outputs/slack/render-slack-message";

/** Teams refuses a message over 28 KB (MS Learn "Create Incoming Webhooks"); we stay a margin below. */
export const TEAMS_LIMITS = { maxBodyBytes: 28 * 1024, budgetBytes: 27_000, cardVersion: "1.5", shownResources: 5, shownAccounts: 5, shownDigestItems: 100 } as const;

type OpenUrl = { type: "Action.OpenUrl"; title?: string; url: string };
type TextRun = { type: "TextRun"; text: string; weight?: "Bolder"; size?: "Large" | "Medium"; selectAction?: OpenUrl };
export type TeamsElement =
  | { type: "TextBlock"; text: string; wrap: true; weight?: "Bolder"; size?: "Small" | "Medium"; color?: "Attention" | "Warning" | "Good" | "Accent"; isSubtle?: boolean; spacing?: "Medium" }
  | { type: "FactSet"; facts: { title: string; value: string }[] }
  | { type: "RichTextBlock"; inlines: TextRun[] };
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  msteams: { width: "Full" };
  body: TeamsElement[];
  actions?: OpenUrl[];
}
/** What a Workflows webhook ("When a Teams webhook request is received") takes: one Adaptive Card attachment. */
export interface TeamsMessage {
  type: "message";
  attachments: [{ contentType: "application/vnd.microsoft.card.adaptive"; contentUrl: null; content: AdaptiveCard }];
}

const LABEL: Record<NotificationChange["kind"], string> = { opened: "New", updated: "Update", resolved: "Resolved", reminder: "Reminder" };
const COLOR = { opened: "Attention", updated: "Warning", resolved: "Good", reminder: "Accent" } as const;

/**
 * TextBlock and FactSet read a markdown subset (emphasis, links, lists): upstream text there keeps its characters.
 * Only what starts markup is escaped; underscores inside words (event type codes) never emphasise.
 */
const escapeMarkdown = (text: string) => text.replace(/[\\`*[\]]|(^|\s)_|_(?=\s|$)/g, (match) => match.replace(/[\\`*[\]_]/, (character) => `\\${character}`));
const time = (iso: string | null) => (iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC") : "—");
const text = (value: string, extra: Partial<Extract<TeamsElement, { type: "TextBlock" }>> = {}): TeamsElement => ({ type: "TextBlock", text: value, wrap: true, ...extra });
// TextRun is never read as markdown: the place for upstream text.
const plain = (value: string, extra: Partial<TextRun> = {}): TeamsElement => ({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: value, ...extra }] });

export const measureBytes = (message: TeamsMessage) => Buffer.byteLength(JSON.stringify(message), "utf8");

function wrapCard(body: TeamsElement[], link: string | null, linkTitle: string): TeamsMessage {
  const content: AdaptiveCard = { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", msteams: { width: "Full" }, body };
  if (link) content.actions = [{ type: "Action.OpenUrl", title: linkTitle, url: link }];
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content }] };
}

function listAccounts(accounts: readonly string[]): string {
  if (accounts.length === 0) return "—";
  const shown = accounts.slice(0, TEAMS_LIMITS.shownAccounts).map((account) => cutText(account, 120)).join(", ");
  return accounts.length > TEAMS_LIMITS.shownAccounts ? `${shown} …and ${accounts.length - TEAMS_LIMITS.shownAccounts} more` : shown;
}

function listFacts(change: NotificationChange): { title: string; value: string }[] {
  const facts = [
    { title: "Status", value: change.status },
    { title: "Service", value: change.service },
    { title: "Region", value: change.region ?? "global" },
    { title: "Accounts", value: listAccounts(change.accounts) },
    { title: "Started", value: time(change.startedAt) },
    { title: "Ended", value: time(change.endedAt) },
  ];
  if (change.kind === "reminder" && change.reminder) facts.push({ title: "Starts", value: describeReminder(change.reminder) });
  const impact = describeAccountImpact(change);
  if (impact) facts.push({ title: "Impact", value: impact });
  return facts.map((fact) => ({ title: fact.title, value: escapeMarkdown(cutText(fact.value, 500)) }));
}

function listResources(change: NotificationChange): TeamsElement[] {
  const { sample, total } = change.resources;
  if (total === 0) return [];
  const shown = sample.slice(0, TEAMS_LIMITS.shownResources);
  const more = total - shown.length;
  return [
    text(`Affected resources (${total})`, { weight: "Bolder", spacing: "Medium" }),
    ...shown.map((resource) => plain(`• ${cutText(resource, 300)}`)),
    ...(more > 0 ? [text(`…and ${more} more`, { isSubtle: true })] : []),
  ];
}

/** The longest cut of `full` for which `build` stays within the budget (binary search on characters). */
function fitText(full: string, build: (cut: string) => TeamsMessage): TeamsMessage {
  const whole = build(full);
  if (measureBytes(whole) <= TEAMS_LIMITS.budgetBytes) return whole;
  let low = 0;
  let high = full.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measureBytes(build(cutText(full, middle))) <= TEAMS_LIMITS.budgetBytes) low = middle;
    else high = middle - 1;
  }
  return build(cutText(full, low));
}

/** A Workflows webhook message: one Adaptive Card 1.5 (never a MessageCard), under 28 KB. Pure. */
export function renderTeamsCard(change: NotificationChange): TeamsMessage {
  const label = `${change.isSecurity ? "Security · " : ""}${LABEL[change.kind]}`;
  const head: TeamsElement[] = [
    text(label, { weight: "Bolder", color: change.isSecurity ? "Attention" : COLOR[change.kind] }),
    plain(cutText(change.title, 500), { weight: "Bolder", size: "Large" }),
    { type: "FactSet", facts: listFacts(change) },
    ...listResources(change),
  ];
  const context = text(
    escapeMarkdown(`Healthdeck · ${change.source} event · ${change.kind === "updated" ? "update to a known event" : change.kind} · ${cutText(change.eventTypeCode ?? change.eventId, 200)}`),
    { size: "Small", isSubtle: true, spacing: "Medium" },
  );
  const build = (latest: string) =>
    wrapCard([...head, ...(latest ? [text("Latest update", { weight: "Bolder", spacing: "Medium" }), plain(latest)] : []), context], change.link, "Open in Healthdeck");
  return fitText(change.latestUpdate ?? "", build);
}

/** Many changes folded into one card: each with its kind, title, region and link, then "…and N more". Pure. */
export function renderTeamsDigest(digest: NotificationDigest): TeamsMessage {
  const head: TeamsElement[] = [
    text(`Digest: ${digest.total} change${digest.total === 1 ? "" : "s"} in ${digest.windowMinutes} minute${digest.windowMinutes === 1 ? "" : "s"}`, { weight: "Bolder", color: "Warning" }),
    text("Many changes arrived at once, so they are listed in one message; normal messages resume after the storm.", { isSubtle: true, size: "Small" }),
  ];
  const items: TeamsElement[] = [];
  const build = (shown: number) => {
    const more = digest.total - shown;
    return wrapCard([...head, ...items, ...(more > 0 ? [text(`…and ${more} more`, { isSubtle: true })] : [])], digest.link, "Open the notifications page");
  };
  // Counted item by item (the JSON of the card grows by each item and a comma), not by stringifying it again each time.
  let bytes = measureBytes(build(0)) + 100;
  for (const item of digest.items.slice(0, TEAMS_LIMITS.shownDigestItems)) {
    const line = `${cutText(item.title, 200)} — ${item.region ?? "global"}`;
    const element: TeamsElement = {
      type: "RichTextBlock",
      inlines: [{ type: "TextRun", text: `${LABEL[item.kind]}: `, weight: "Bolder" }, { type: "TextRun", text: line, ...(item.link ? { selectAction: { type: "Action.OpenUrl", url: item.link } } : {}) }],
    };
    bytes += Buffer.byteLength(JSON.stringify(element), "utf8") + 1;
    if (bytes > TEAMS_LIMITS.budgetBytes) break;
    items.push(element);
  }
  return build(items.length);
}
