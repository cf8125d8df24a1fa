import Parser from "rss-parser";
import { z } from "zod";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import { convertDescriptionToText } from "@/lib/server/sources/public-status/convert-description-to-text";
import { mapRssTitle, type MapRssTitleOptions } from "@/lib/server/sources/public-status/map-public-status";
import { parseRssGuid } from "@/lib/server/sources/public-status/parse-rss-guid";
import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";

/** One RSS item as an update. `guid` is the storage key: AWS edits titles in place under the same guid. */
export type RssUpdate = PublicUpdateRecord & { guid: string; rawTitle: string };

export interface RssSkip {
  /** position of the item in the feed (0 = newest) */
  index: number;
  guid: string | null;
  reason: string;
}

export interface ParsedRssFeed {
  title: string | null;
  /** in feed order (newest first) */
  items: RssUpdate[];
  skipped: RssSkip[];
}

const feedSchema = z.object({
  title: z.unknown().optional(),
  items: z.array(z.record(z.string(), z.unknown())),
});

// xml2js yields a string, or `{ _: text, $: attrs }` for elements with attributes
// (`<title type="text">`, `<guid isPermaLink="false">`); an empty one has no `_` at all.
function readText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return readText(value[0]);
  if (value !== null && typeof value === "object" && "_" in value) return readText(value._);
  return null;
}

function parsePubDate(pubDate: string | null): number | null {
  if (pubDate === null) return null;
  const millis = Date.parse(pubDate.trim());
  return Number.isFinite(millis) ? Math.floor(millis / 1000) : null;
}

function mapItem(item: Record<string, unknown>, options: MapRssTitleOptions): RssUpdate | string {
  const guid = readText(item.guid)?.trim() ?? "";
  const parts = parseRssGuid(guid);
  if (!parts) return guid ? "guid has no `#{service}_{epoch}` fragment" : "item has no guid";
  const at = parts.at ?? parsePubDate(readText(item.pubDate));
  if (at === null) return "no epoch in the guid and no valid pubDate";

  const rawTitle = readText(item.title) ?? "";
  const title = mapRssTitle(rawTitle, options);
  return {
    guid,
    rawTitle,
    key: parts.key,
    at,
    status: title.status,
    resolved: title.resolved,
    summary: title.headline,
    message: convertDescriptionToText(readText(item.content) ?? ""),
    origin: "rss",
  };
}

async function parseXml(xml: string): Promise<unknown> {
  try {
    return await new Parser().parseString(xml);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    throw new PublicStatusParseError("rss", `malformed feed: ${detail}`, { cause: error });
  }
}

/**
 * Parses an AWS status RSS document of any era (2015 legacy, 2019 CDATA, 2025+ https). An item
 * without a usable guid/date is skipped and reported; malformed XML throws PublicStatusParseError.
 */
export async function parseRssFeed(xml: string, options: MapRssTitleOptions = {}): Promise<ParsedRssFeed> {
  const parsed = feedSchema.safeParse(await parseXml(xml));
  if (!parsed.success) throw new PublicStatusParseError("rss", "feed has no item list");

  const items: RssUpdate[] = [];
  const skipped: RssSkip[] = [];
  parsed.data.items.forEach((item, index) => {
    const result = mapItem(item, options);
    if (typeof result === "string") {
      skipped.push({ index, guid: readText(item.guid)?.trim() || null, reason: result });
    } else {
      items.push(result);
    }
  });
  const title = readText(parsed.data.title)?.trim() || null;
  return { title, items, skipped };
}
