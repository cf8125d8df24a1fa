import "server-only";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { statusFilterToSearchParams, type StatusFilter } from "@/lib/shared/status-filter";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildPublicStatus } from "@/lib/server/services/build-public-status";

interface CachedStatus {
  version: number;
  builtAt: number;
  value: Promise<StatusResponse>;
  json: Promise<Uint8Array> | null;
}

// Ages of sources ("stale after…") depend on the clock, so even an unchanged store is rebuilt each second.
const CACHE_TTL_MS = 1000;
const CACHE_MAX_ENTRIES = 64;
const cache = new Map<string, CachedStatus>();

function getCached(filter: StatusFilter): CachedStatus {
  const runtime = getRuntime();
  const now = runtime.now();
  const key = statusFilterToSearchParams(filter).toString();
  const hit = cache.get(key);
  if (hit && hit.version === runtime.store.version && now - hit.builtAt < CACHE_TTL_MS) return hit;
  const entry: CachedStatus = {
    version: runtime.store.version,
    builtAt: now,
    value: buildPublicStatus(runtime, filter, now),
    json: null,
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
 * The same document encoded once per change, for the JSON API's hot path: at AWS scale it is ~800 KB,
 * and serialising it per request would dominate the server's time. (Compression stays Next's job: a
 * route handler's own Content-Encoding header is dropped by the framework.)
 */
export function getPublicStatusBytes(filter: StatusFilter): Promise<Uint8Array> {
  const entry = getCached(filter);
  entry.json ??= entry.value.then((value) => new TextEncoder().encode(JSON.stringify(value)));
  return entry.json;
}
