/**
 * Runs `work` over the items with at most `limit` in flight. After the first failure no new item
 * starts; the ones running are awaited, then the first error is thrown, so nothing runs on behind
 * the caller's back (a restarted cycle must not race the abandoned one).
 */
export async function runInPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
