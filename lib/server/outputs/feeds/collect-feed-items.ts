import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import type { OutputEvents } from "@/lib/server/outputs/feeds/read-output-events";
import { categoryOfPublicEvent } from "@/lib/server/outputs/feeds/read-output-events";

/** One update of one event: the unit of every feed (an event with five updates is five items). */
export interface FeedItem {
  /** stable across rebuilds: the same update keeps its id */
  id: string;
  title: string;
  /** a Healthdeck page */
  link: string;
  date: Date;
  /** plain text (upstream text stays text) */
  text: string;
  category: string;
}

export const FEED_ITEM_LIMIT = 200;

function boardLink(baseUrl: string, service: string, region: string | null): string {
  const params = new URLSearchParams({ service, region: region ?? "global" });
  return `${baseUrl}/?${params.toString().replaceAll("%2C", ",")}`;
}

export function collectFeedItems(events: OutputEvents, baseUrl: string, catalog: Catalog): FeedItem[] {
  const items: FeedItem[] = [];
  for (const event of events.publicEvents) {
    const name = catalog.nameOf(event.key);
    const where = event.region ?? "global";
    const link = boardLink(baseUrl, event.service, event.region);
    const category = categoryOfPublicEvent(event);
    for (const update of event.updates) {
      items.push({
        id: `urn:healthdeck:public-update:${update.key}_${update.at}`,
        title: `${name} (${where}): ${update.summary || event.summary} [${update.resolved ? "resolved" : update.status}]`,
        link,
        date: new Date(update.at * 1000),
        text: update.message,
        category,
      });
    }
    if (event.updates.length === 0) {
      items.push({ id: `urn:healthdeck:public-event:${event.id}`, title: `${name} (${where}): ${event.summary} [${event.status}]`, link, date: new Date(event.lastUpdateAt * 1000), text: event.summary, category });
    }
  }
  for (const event of events.accountEvents) {
    const link = `${baseUrl}/events/${encodeURIComponent(event.id)}`;
    const heading = `${event.eventTypeCode} (${event.service}, ${event.region ?? "global"})`;
    for (const update of event.updates) {
      items.push({
        id: `urn:healthdeck:account-update:${event.id}:${Date.parse(update.at)}`,
        title: `${heading} [${update.status}]`,
        link,
        date: new Date(update.at),
        text: update.description,
        category: event.category,
      });
    }
    if (event.updates.length === 0) {
      const at = event.lastUpdatedTime ?? event.startTime;
      items.push({ id: `urn:healthdeck:account-event:${event.id}`, title: `${heading} [${event.status}]`, link, date: new Date(at ?? 0), text: event.description, category: event.category });
    }
  }
  // Newest first; equal times in id order, so the same data always gives the same bytes (and ETag).
  items.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return items.slice(0, FEED_ITEM_LIMIT);
}
