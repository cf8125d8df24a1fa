/**
 * SWR keys a live stream is feeding right now. Polling hooks pause while their key is fed (the stream is
 * fresher and free) and poll again as soon as the stream drops. No imports: every page's polling hooks
 * read it, and the stream's code (and zod) must not come with them.
 */
const fedKeys = new Map<string, number>();

/** Counts `keys` as fed until the returned function is called (once). */
export function markKeysFedLive(keys: readonly string[]): () => void {
  for (const key of keys) fedKeys.set(key, (fedKeys.get(key) ?? 0) + 1);
  let isMarked = true;
  return () => {
    if (!isMarked) return;
    isMarked = false;
    for (const key of keys) {
      const count = (fedKeys.get(key) ?? 1) - 1;
      if (count <= 0) fedKeys.delete(key);
      else fedKeys.set(key, count);
    }
  };
}

export function isKeyFedLive(key: string): boolean {
  return fedKeys.has(key);
}
