import { Feed } from "feed";
import type { JsonFeed } from "@/lib/shared/json-feed-contract";
import type { FeedItem } from "@/lib/server/outputs/feeds/collect-feed-items";
import { escapeHtml } from "@/lib/server/outputs/escape-html";

export const FEED_FORMATS = {
  rss: { path: "/api/v1/feed.rss", contentType: "application/rss+xml; charset=utf-8" },
  atom: { path: "/api/v1/feed.atom", contentType: "application/atom+xml; charset=utf-8" },
  json: { path: "/api/v1/feed.json", contentType: "application/feed+json; charset=utf-8" },
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

const TITLE = "Healthdeck: AWS health events";
const DESCRIPTION = "Public AWS events and your accounts' Health events, one item per update.";

function renderJsonFeed(items: readonly FeedItem[], baseUrl: string, query: string): string {
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1.1",
    title: TITLE,
    home_page_url: `${baseUrl}/`,
    feed_url: `${baseUrl}${FEED_FORMATS.json.path}${query}`,
    description: DESCRIPTION,
    language: "en",
    authors: [{ name: "Healthdeck" }],
    items: items.map((item) => ({ id: item.id, url: item.link, title: item.title, content_text: item.text, date_published: item.date.toISOString(), tags: [item.category] })),
  };
  return JSON.stringify(feed);
}

/**
 * RSS 2.0 and Atom through the `feed` library; JSON Feed written here, because `feed` 6 writes JSON Feed 1.0.
 * `query` (the filter, without any token) is kept in the self links.
 */
export function renderFeed(format: FeedFormat, items: readonly FeedItem[], baseUrl: string, query: string): string {
  if (format === "json") return renderJsonFeed(items, baseUrl, query);
  const feed = new Feed({
    id: `${baseUrl}${FEED_FORMATS.atom.path}${query}`,
    title: TITLE,
    description: DESCRIPTION,
    link: `${baseUrl}/`,
    language: "en",
    generator: "Healthdeck",
    copyright: "AWS health data; Healthdeck",
    updated: items[0]?.date ?? new Date(0),
    ttl: 5,
    feedLinks: { rss: `${baseUrl}${FEED_FORMATS.rss.path}${query}`, atom: `${baseUrl}${FEED_FORMATS.atom.path}${query}`, json: `${baseUrl}${FEED_FORMATS.json.path}${query}` },
  });
  for (const item of items) {
    // RSS and Atom readers render descriptions (and often titles) as HTML; the feed library puts text in CDATA as is.
    feed.addItem({ id: item.id, guid: item.id, title: escapeHtml(item.title), link: item.link, date: item.date, description: escapeHtml(item.text), category: [{ name: item.category }] });
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}
