/**
 * Serialised entity pages kept while the store is unchanged: when an incident touches 50,000 resources, the whole
 * team opens the same event at once, and each page is read and encoded once per change instead of once per viewer.
 */
export interface EntityPageCache {
  /** The cached body for `key` at `version`, or the one `build` makes (cached unless null). */
  get(key: string, version: string, build: () => Promise<string | null>): Promise<string | null>;
}

export function createEntityPageCache(maxEntries: number, maxChars: number): EntityPageCache {
  const entries = new Map<string, { version: string; body: string }>();
  return {
    async get(key, version, build) {
      const hit = entries.get(key);
      if (hit !== undefined && hit.version === version) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.body;
      }
      const body = await build();
      entries.delete(key);
      if (body === null || body.length > maxChars) return body;
      entries.set(key, { version, body });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
      return body;
    },
  };
}
