import { createHash } from "node:crypto";
import type { RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { encodeUtf16BeWithBom, encodeUtf8WithBom } from "@/lib/simulator/encode-document-text";
import { renderCurrentEventsJson } from "@/lib/simulator/render-current-events";
import { describeAllFeed, describeKeyFeed, renderRssFeed } from "@/lib/simulator/render-rss-feed";
import type { FeedInfo, WorldState } from "@/lib/simulator/world-state";

export type DocumentTarget = "currentevents" | "rss" | "catalog";

export interface SimDocument {
  target: DocumentTarget;
  text: string;
  bytes: Buffer;
  contentType: string;
  /** Strong validator: a hash of the bytes. */
  etag: string;
  /** When these bytes were first served; whole seconds, as HTTP dates carry no more. */
  lastModifiedMs: number;
}

export const CURRENT_EVENTS_PATH = "/public/currentevents";
export const CATALOG_PATH = "/services.json";
export const RSS_PREFIX = "/rss/";
const KEY_FEED_PATH = /^\/rss\/([a-z0-9][a-z0-9-]{0,99})\.rss$/;

export interface DocumentStoreOptions {
  getWorld: () => WorldState;
  catalog: RawCatalogEntry[];
  now: () => number;
}

export interface DocumentStore {
  /** The document at a URL path, re-rendered only when the world changed; null for unknown paths. */
  getDocument(path: string): SimDocument | null;
  targetOf(path: string): DocumentTarget | null;
}

export function createDocumentStore({ getWorld, catalog, now }: DocumentStoreOptions): DocumentStore {
  const catalogIndex = new Map(catalog.map((entry) => [entry.service, entry]));
  const catalogText = JSON.stringify(catalog);
  const cache = new Map<string, { world: WorldState; version: number; document: SimDocument }>();

  const feedInfoFor = (key: string, world: WorldState): FeedInfo | null => {
    const entry = catalogIndex.get(key);
    // The snapshot marks global services with an empty region_id (and region_name "Global" or "").
    if (entry) return { serviceName: entry.service_name, regionLabel: entry.region_id ? entry.region_name || entry.region_id : null };
    return world.extraFeeds.get(key) ?? null;
  };

  const render = (path: string, world: WorldState): Omit<SimDocument, "etag" | "lastModifiedMs"> | null => {
    if (path === CURRENT_EVENTS_PATH) {
      const text = renderCurrentEventsJson(world);
      return { target: "currentevents", text, bytes: encodeUtf16BeWithBom(text), contentType: "application/json;charset=utf-16" };
    }
    if (path === CATALOG_PATH) {
      return { target: "catalog", text: catalogText, bytes: encodeUtf8WithBom(catalogText), contentType: "application/json" };
    }
    if (path === `${RSS_PREFIX}all.rss`) return rss(renderRssFeed(describeAllFeed(world.allFeed, world.startedAt)));
    const key = KEY_FEED_PATH.exec(path)?.[1];
    const info = key === undefined ? null : feedInfoFor(key, world);
    if (key === undefined || info === null) return null;
    return rss(renderRssFeed(describeKeyFeed(info, world.keyFeeds.get(key) ?? [], world.startedAt)));
  };

  return {
    targetOf(path) {
      if (path === CURRENT_EVENTS_PATH) return "currentevents";
      if (path === CATALOG_PATH) return "catalog";
      return path.startsWith(RSS_PREFIX) ? "rss" : null;
    },
    getDocument(path) {
      const world = getWorld();
      const cached = cache.get(path);
      if (cached && cached.world === world && cached.version === world.version) return cached.document;
      const rendered = render(path, world);
      if (rendered === null) return null;
      const etag = computeStrongEtag(rendered.bytes);
      const lastModifiedMs =
        cached && cached.document.etag === etag ? cached.document.lastModifiedMs : Math.floor(now() / 1000) * 1000;
      const document: SimDocument = { ...rendered, etag, lastModifiedMs };
      cache.set(path, { world, version: world.version, document });
      return document;
    },
  };
}

function rss(text: string): Omit<SimDocument, "etag" | "lastModifiedMs"> {
  return { target: "rss", text, bytes: Buffer.from(text, "utf8"), contentType: "application/rss+xml" };
}

export function computeStrongEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
}
