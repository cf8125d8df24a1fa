import { formatPacificDate } from "@/lib/simulator/format-pacific-date";
import type { FeedInfo, PublishedUpdate } from "@/lib/simulator/world-state";
import type { Level } from "@/lib/simulator/scenario-schema";

export const STATUS_SITE = "https://status.aws.amazon.com/";

const TITLE_PREFIX: Record<Level, string> = {
  0: "Service is operating normally",
  1: "Service impact",
  2: "Service degradation",
  3: "Service disruption",
};

export interface RssChannel {
  title: string;
  description: string;
  /** lastBuildDate: the newest item's time, so unchanged content keeps the same bytes and ETag. */
  builtAt: number;
  items: PublishedUpdate[];
}

export function describeAllFeed(items: PublishedUpdate[], fallbackBuiltAt: number): RssChannel {
  return {
    title: "Amazon Web Services Service Status",
    description: channelDescription("Amazon Web Services"),
    builtAt: items[0]?.epoch ?? fallbackBuiltAt,
    items,
  };
}

export function describeKeyFeed(info: FeedInfo, items: PublishedUpdate[], fallbackBuiltAt: number): RssChannel {
  const where = info.regionLabel ? ` (${info.regionLabel})` : "";
  const subject = info.regionLabel ? `${info.serviceName} in ${info.regionLabel}` : info.serviceName;
  return {
    title: `${info.serviceName}${where} Service Status`,
    description: channelDescription(subject),
    builtAt: items[0]?.epoch ?? fallbackBuiltAt,
    items,
  };
}

function channelDescription(subject: string): string {
  return (
    `Receive the most recent update for events affecting the overall availability of ${subject}. ` +
    "To receive personalized events about your specific AWS accounts and resources, try the aws.health source in EventBridge or the Health API."
  );
}

/** The 2025–26 document shape: CDATA text, https links, guid `#<key>_<epoch>` with isPermaLink="false". */
export function renderRssFeed(channel: RssChannel): string {
  const items = channel.items.map(renderItem).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${cdata(channel.title)}</title>
    <link>${STATUS_SITE}</link>
    <language>en-us</language>
    <lastBuildDate>${formatPacificDate(channel.builtAt)}</lastBuildDate>
    <generator>AWS Service Health Dashboard RSS Generator</generator>
    <description>${cdata(channel.description)}</description>
    <ttl>5</ttl>
${items}${items ? "\n" : ""}  </channel>
</rss>
`;
}

export function formatItemTitle(update: PublishedUpdate): string {
  return `${TITLE_PREFIX[update.level]}: ${update.summary}`;
}

function renderItem(update: PublishedUpdate): string {
  return `
    <item>
      <title>${cdata(formatItemTitle(update))}</title>
      <link>${STATUS_SITE}</link>
      <pubDate>${formatPacificDate(update.epoch)}</pubDate>
      <guid isPermaLink="false">${STATUS_SITE}#${update.key}_${update.epoch}</guid>
      <description>${cdata(update.message)}</description>
    </item>
`;
}

/** A `]]>` inside the text would end the section early; split it across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}
