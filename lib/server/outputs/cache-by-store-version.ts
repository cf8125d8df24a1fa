import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";

/**
 * Outputs rebuilt only when the store changed: one promise per key and store version, at most `maxEntries` keys.
 * A failed build is dropped so that the next request tries again.
 */
export function createVersionCache<T>(maxEntries = 64) {
  const entries = new Map<string, { runtime: HealthdeckRuntime; version: number; value: Promise<T> }>();
  return (runtime: HealthdeckRuntime, key: string, build: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && hit.runtime === runtime && hit.version === runtime.store.version) return hit.value;
    const entry = { runtime, version: runtime.store.version, value: build() };
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? "");
    entries.set(key, entry);
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry.value;
  };
}
