import type { NotificationDigest } from "@/lib/server/outputs/notification-change";
import { cutText, SLACK_LIMITS, type SlackBlock, type SlackMessage } from "@/lib/server/outputs/slack/render-slack-message";

const LABEL = { opened: "New", updated: "Update", resolved: "Resolved", reminder: "Reminder" } as const;
/** Room kept for the header, the closing lines, the button and the fallback below Slack's ~12,000 characters. */
const LIST_BUDGET = SLACK_LIMITS.totalChars - 2_000;
/** The header, the "…and N more" section, the actions and the context. */
const FIXED_BLOCKS = 4;

/** Slack mrkdwn: &, < and > are markup, and `|` would end a link's text early. */
const escapeLinkText = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("|", "¦");

export function renderSlackDigestFallback(digest: NotificationDigest): string {
  return cutText(`[Healthdeck] STORM: ${digest.total} messages in ${digest.windowMinutes} minutes, folded into this one${digest.link ? ` ${digest.link}` : ""}`, SLACK_LIMITS.fallbackText);
}

/** One post listing a storm's changes, each linked, within Slack's limits; the rest is "…and N more" and a link. Pure. */
export function renderSlackDigest(digest: NotificationDigest): SlackMessage {
  const lines = digest.items.map((item) => {
    const title = cutText(escapeLinkText(item.title), 200);
    const where = item.region ? ` · ${escapeLinkText(item.region)}` : "";
    return `• *${LABEL[item.kind]}* ${item.link ? `<${item.link}|${title}>` : title} — ${escapeLinkText(cutText(item.status, 40))}${where}`;
  });
  const sections: string[] = [];
  let current = "";
  let used = 0;
  let listed = 0;
  for (const line of lines) {
    if (used + line.length + 1 > LIST_BUDGET) break;
    if (current.length + line.length + 1 > SLACK_LIMITS.sectionText) {
      if (sections.length + 1 >= SLACK_LIMITS.blocks - FIXED_BLOCKS) break;
      sections.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
    used += line.length + 1;
    listed += 1;
  }
  if (current) sections.push(current);
  const more = digest.total - listed;
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: cutText(`:rotating_light: Storm: ${digest.total} messages in ${digest.windowMinutes} min, in one post`, SLACK_LIMITS.headerText) } },
    ...sections.map((text): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text } })),
  ];
  if (more > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: `…and ${more} more${digest.link ? ` — <${digest.link}|all of them in Healthdeck>` : ""}` } });
  if (digest.link) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open the delivery log" }, url: digest.link, action_id: "open-digest" }] });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Healthdeck · too many messages at once: folded into one post; single messages resume after it. Security events are never folded." }] });
  return { text: renderSlackDigestFallback(digest), blocks };
}
