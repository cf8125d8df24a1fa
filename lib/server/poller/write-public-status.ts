import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import { assemblePublicEvents } from "@/lib/server/sources/public-status/assemble-public-events";
import type { ParsedCurrentEvents } from "@/lib/server/sources/public-status/parse-current-events";
import type { ParsedRssFeed, RssUpdate } from "@/lib/server/sources/public-status/parse-rss-feed";
import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import type { StoreTransaction } from "@/lib/server/store/healthdeck-store";

export const CURRENT_EVENTS_CHECKED_AT = "public.currentevents.checkedAt";

/**
 * The write path of the public sources. Every update lands once per `key`+epoch whichever feed
 * brought it; events are then re-assembled for the keys that changed, so nothing is duplicated.
 */
export function createPublicStatusWriter(deps: { getCatalog: () => Catalog }) {
  async function rebuildKeys(tx: StoreTransaction, keys: Iterable<string>): Promise<void> {
    const checkedAtRaw = await tx.meta.get(CURRENT_EVENTS_CHECKED_AT);
    const currentEventsCheckedAt = checkedAtRaw === null ? null : Number(checkedAtRaw);
    const catalog = deps.getCatalog();
    for (const key of new Set(keys)) {
      const currentEvents = (await tx.currentEvents.listForKey(key)).map((event) => ({ ...event, updates: [] }));
      const events = assemblePublicEvents({
        key,
        currentEvents,
        updates: await tx.updates.listForKey(key),
        currentEventsCheckedAt,
      });
      await tx.events.replaceForKey(key, catalog.splitServiceKey(key), events);
    }
  }

  return {
    rebuildKeys,
    async writeCurrentEvents(tx: StoreTransaction, documents: ParsedCurrentEvents[], nowMs: number): Promise<void> {
      const document = documents[0];
      if (!document) return;
      const nowSeconds = Math.floor(nowMs / 1000);
      const touched = await tx.currentEvents.applyFeed(document.events, nowSeconds);
      for (const event of document.events) {
        for (const update of event.updates) if (await tx.updates.upsert(update, nowSeconds)) touched.add(update.key);
      }
      await tx.meta.set(CURRENT_EVENTS_CHECKED_AT, String(nowSeconds));
      // A fresh currentevents poll also settles RSS-only events that AWS no longer lists as open.
      for (const key of await tx.events.listOpenKeys()) touched.add(key);
      await rebuildKeys(tx, touched);
    },
    async writeRssFeeds(tx: StoreTransaction, feeds: ParsedRssFeed[], nowMs: number): Promise<void> {
      const nowSeconds = Math.floor(nowMs / 1000);
      const touched = new Set<string>();
      for (const feed of feeds) {
        for (const item of feed.items) {
          if (await tx.updates.upsert(toUpdateRecord(item), nowSeconds)) touched.add(item.key);
        }
      }
      await rebuildKeys(tx, touched);
    },
  };
}

export type PublicStatusWriter = ReturnType<typeof createPublicStatusWriter>;

function toUpdateRecord(item: RssUpdate): PublicUpdateRecord {
  return {
    key: item.key,
    at: item.at,
    status: item.status,
    resolved: item.resolved,
    summary: item.summary,
    message: item.message,
    origin: item.origin,
  };
}
