import "server-only";
import { createHash } from "node:crypto";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { statusFilterToSearchParams, type StatusFilter } from "@/lib/shared/status-filter";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildPublicStatus } from "@/lib/server/services/build-public-status";
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
  contentDigest: string;
  encoded: EncodedJson;
}

// Ages of sources ("stale after…") depend on the clock, so even an unchanged store is rebuilt each second.
const CACHE_TTL_MS = 1000;
const CACHE_MAX_ENTRIES = 64;
const cache = new Map<string, CachedStatus>();
const lastEncoded = new Map<string, LastEncoded>();

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
    value: buildPublicStatus(runtime, filter, now),
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

export function getPublicStatus(filter: StatusFilter): Promise<StatusResponse> {
  return getCached(filter).value;
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
  const contentDigest = createHash("sha256").update(JSON.stringify({ ...value, generatedAt: "" })).digest("base64url");
  const previous = lastEncoded.get(key);
  if (previous?.contentDigest === contentDigest) return previous.encoded;
  const encoded = encodeJson(JSON.stringify(value));
  lastEncoded.delete(key);
  if (lastEncoded.size >= CACHE_MAX_ENTRIES) lastEncoded.delete(lastEncoded.keys().next().value ?? "");
  lastEncoded.set(key, { contentDigest, encoded });
  return encoded;
}
