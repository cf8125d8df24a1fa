/** Calls by `service:Operation:region`, and how many were throttled: what tests and the benchmark count. */
export function createCallCounter() {
  const calls = new Map<string, number>();
  let throttled = 0;
  return {
    count(service: string, operation: string, region: string) {
      const key = `${service}:${operation}:${region}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
    },
    countThrottled() {
      throttled += 1;
    },
    snapshot: () => ({ calls: Object.fromEntries(calls), throttled }),
    reset() {
      calls.clear();
      throttled = 0;
    },
  };
}
export type CallCounter = ReturnType<typeof createCallCounter>;
