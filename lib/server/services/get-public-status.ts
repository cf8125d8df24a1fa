import "server-only";
import { createHash } from "node:crypto";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { statusFilterToSearchParams, type StatusFilter } from "@/lib/shared/status-filter";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildPublicStatus } from "@/lib/server/services/build-public-status";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { encodeJson, type EncodedJson } from "@/lib/server/api/encoded-json";

interface CachedStatus {
  key: string;
  version: number;
  builtAt: number;
  value: Promise<StatusResponse>;
  encoded: Promise<EncodedJson> | null;
}

/** The last document encoded per filter, with a digest of everything in it but `generatedAt`. */
interface LastEncoded {
  value: StatusResponse;
  contentDigest: string;
  encoded: EncodedJson;
}

// Source states ("stale after…") depend on the clock: past this age an unchanged store's document is checked again.
const CACHE_TTL_MS = 1000;
const CACHE_MAX_ENTRIES = 64;
// The proxy answers repeat clients itself (lib/server/api/answer-public-status.ts) and is a bundle of its own: one
// process-wide cache keeps it and the route on the same bytes and ETag, built once per change.
const CACHE_KEY = Symbol.for("healthdeck.public-status-cache");
type CacheHolder = { [CACHE_KEY]?: { cache: Map<string, CachedStatus>; lastEncoded: Map<string, LastEncoded> } };
const shared = ((globalThis as CacheHolder)[CACHE_KEY] ??= { cache: new Map(), lastEncoded: new Map() });
const { cache, lastEncoded } = shared;

function getCached(filter: StatusFilter): CachedStatus {
  const runtime = getRuntime();
  const now = runtime.now();
  const key = statusFilterToSearchParams(filter).toString();
  const hit = cache.get(key);
  if (hit && hit.version === runtime.store.version && now - hit.builtAt < CACHE_TTL_MS) return hit;
  const entry: CachedStatus = {
    key,
    version: runtime.store.version,
    builtAt: now,
    value: hit && hit.version === runtime.store.version ? rebuildIfSourcesChanged(hit.value, filter, now) : buildPublicStatus(runtime, filter, now),
    encoded: null,
  };
  if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, entry);
  // A failed build is not kept: the next request tries again.
  entry.value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry;
}

/**
 * With the store unchanged, only the clock can change the document, through the sources' states: when those are the
 * same, the earlier document (and its bytes) stands, and ~6,000 services are not rebuilt and re-sorted each second.
 */
async function rebuildIfSourcesChanged(previous: Promise<StatusResponse>, filter: StatusFilter, now: number): Promise<StatusResponse> {
  const runtime = getRuntime();
  const [before, sources] = await Promise.all([previous, listSourceHealth(runtime, now)]);
  return JSON.stringify(before.sources) === JSON.stringify(sources) ? before : buildPublicStatus(runtime, filter, now);
}

/** The board's document for a page render, stamped now (the cached one may be older when nothing changed). */
export async function getPublicStatus(filter: StatusFilter): Promise<StatusResponse> {
  const value = await getCached(filter).value;
  return { ...value, generatedAt: new Date(getRuntime().now()).toISOString() };
}

/**
 * The same document encoded once per change, for the JSON API's hot path: at AWS scale it is ~900 KB, and
 * serialising (or zipping) it per request would dominate the server's time. A rebuild that differs only in
 * `generatedAt` keeps the earlier bytes, so their ETag stays valid until something a client sees changes.
 */
export function getPublicStatusEncoded(filter: StatusFilter): Promise<EncodedJson> {
  const entry = getCached(filter);
  entry.encoded ??= entry.value.then((value) => encodeUnlessUnchanged(entry.key, value));
  return entry.encoded;
}

function encodeUnlessUnchanged(key: string, value: StatusResponse): EncodedJson {
  const last = lastEncoded.get(key);
  if (last?.value === value) return last.encoded;
  const contentDigest = createHash("sha256").update(JSON.stringify({ ...value, generatedAt: "" })).digest("base64url");
  const encoded = last?.contentDigest === contentDigest ? last.encoded : encodeJson(JSON.stringify(value));
  lastEncoded.delete(key);
  if (lastEncoded.size >= CACHE_MAX_ENTRIES) lastEncoded.delete(lastEncoded.keys().next().value ?? "");
  lastEncoded.set(key, { value, contentDigest, encoded });
  return encoded;
}
