import type { FetchedDocument, SourceAdapter } from "@/lib/server/sources/source-adapter";
import { parseRssFeed, type ParsedRssFeed } from "@/lib/server/sources/public-status/parse-rss-feed";
import { decodeBomText } from "@/lib/server/sources/public-status/decode-bom-text";

export interface RssAdapterOptions {
  baseUrl: string;
  /** Per-feed keys to poll this cycle besides all.rss (decided by the scope and by open events). */
  listFeedKeys(): Promise<string[]>;
  onUnknownPrefix?: (prefix: string) => void;
}

export function buildFeedUrl(baseUrl: string, key: string): string {
  return `${baseUrl}${encodeURIComponent(key)}.rss`;
}

/**
 * all.rss every cycle plus the per-feed RSS in scope. The source fails only when all.rss fails;
 * a failed per-feed document is reported and retried next cycle.
 */
export function createRssAdapter(options: RssAdapterOptions): SourceAdapter<ParsedRssFeed> {
  return {
    id: "public-rss",
    label: "AWS public RSS feeds",
    async fetchDocuments(context) {
      const urls = [`${options.baseUrl}all.rss`, ...(await options.listFeedKeys()).map((key) => buildFeedUrl(options.baseUrl, key))];
      const documents = await Promise.all(urls.map((url) => fetchFeed(url)));
      const allFeed = documents[0];
      if (allFeed?.outcome === "failed") throw new Error(`all.rss: ${allFeed.error}`);
      return documents;

      async function fetchFeed(url: string): Promise<FetchedDocument<ParsedRssFeed>> {
        try {
          const response = await context.fetchDocument(url, await context.getValidators(url));
          if (response.status === 304 || response.body === null) return { url, outcome: "not-modified" };
          const records = await parseRssFeed(decodeBomText(response.body), { onUnknownPrefix: options.onUnknownPrefix });
          return { url, outcome: "fetched", records, validators: response.validators, bytes: response.bytes };
        } catch (error) {
          if (context.signal.aborted) throw error;
          return { url, outcome: "failed", error: error instanceof Error ? error.message : String(error) };
        }
      }
    },
  };
}
