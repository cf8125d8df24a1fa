import "server-only";
import type { OutputsFilter } from "@/lib/shared/outputs-query";
import { encodeJson, type EncodedJson } from "@/lib/server/api/encoded-json";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { createVersionCache } from "@/lib/server/outputs/cache-by-store-version";
import { collectFeedItems, FEED_ITEM_LIMIT } from "@/lib/server/outputs/feeds/collect-feed-items";
import { readOutputEvents } from "@/lib/server/outputs/feeds/read-output-events";
import { renderFeed, type FeedFormat } from "@/lib/server/outputs/feeds/render-feed";

const FEED_WINDOW_MS = 30 * 24 * 3600 * 1000;
const cache = createVersionCache<EncodedJson>();

/** The filter as a query string for self links and the cache key; never the token. */
export function describeOutputsFilter(filter: OutputsFilter): string {
  const params = new URLSearchParams();
  if (filter.regions.length > 0) params.set("region", filter.regions.join(","));
  if (filter.services.length > 0) params.set("service", filter.services.join(","));
  if (filter.accounts.length > 0) params.set("account", filter.accounts.join(","));
  if (filter.categories.length > 0) params.set("category", filter.categories.join(","));
  const query = params.toString().replaceAll("%2C", ",");
  return query === "" ? "" : `?${query}`;
}

/** HEALTHDECK_PUBLIC_URL, else the address the request came to. */
export function readBaseUrl(request: Request): string {
  return getRuntime().config.HEALTHDECK_PUBLIC_URL ?? new URL(request.url).origin;
}

/** The feed of the last 30 days' updates, encoded once per store version, format, filter and base URL. */
export function getFeed(format: FeedFormat, filter: OutputsFilter, baseUrl: string): Promise<EncodedJson> {
  const runtime = getRuntime();
  const query = describeOutputsFilter(filter);
  return cache(runtime, `${format} ${baseUrl} ${query}`, async () => {
    const events = await readOutputEvents(runtime, filter, { sinceMs: runtime.now() - FEED_WINDOW_MS, limit: FEED_ITEM_LIMIT, withAccountUpdates: true });
    return encodeJson(renderFeed(format, collectFeedItems(events, baseUrl, runtime.getCatalog()), baseUrl, query));
  });
}
