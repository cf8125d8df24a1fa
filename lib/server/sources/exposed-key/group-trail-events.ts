/** One CloudTrail call, reduced to what the grouped table shows. */
export interface TrailCall {
  region: string;
  eventSource: string;
  eventName: string;
  sourceIp: string;
  userAgent: string;
  /** epoch ms */
  at: number;
  errorCode: string | null;
}

export interface TrailGroup {
  region: string;
  eventSource: string;
  eventName: string;
  sourceIp: string;
  userAgent: string;
  count: number;
  /** epoch ms */
  firstAt: number;
  lastAt: number;
  /** calls of this group that failed, and their error codes with counts */
  errorCount: number;
  errorCodes: Record<string, number>;
}

/** Folds calls into groups as they arrive, so a look-up holds groups, not events. */
export function createTrailGrouper() {
  const groups = new Map<string, TrailGroup>();
  return {
    add(call: TrailCall): void {
      const key = JSON.stringify([call.region, call.eventSource, call.eventName, call.sourceIp, call.userAgent]);
      const group = groups.get(key) ?? { region: call.region, eventSource: call.eventSource, eventName: call.eventName, sourceIp: call.sourceIp, userAgent: call.userAgent, count: 0, firstAt: call.at, lastAt: call.at, errorCount: 0, errorCodes: {} };
      group.count += 1;
      group.firstAt = Math.min(group.firstAt, call.at);
      group.lastAt = Math.max(group.lastAt, call.at);
      if (call.errorCode) {
        group.errorCount += 1;
        group.errorCodes[call.errorCode] = (group.errorCodes[call.errorCode] ?? 0) + 1;
      }
      groups.set(key, group);
    },
    /** Most calls first, then the most recent. */
    list(): TrailGroup[] {
      return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt || a.region.localeCompare(b.region));
    },
  };
}

export function groupTrailCalls(calls: readonly TrailCall[]): TrailGroup[] {
  const grouper = createTrailGrouper();
  for (const call of calls) grouper.add(call);
  return grouper.list();
}

/** The top few of each dimension, for the security notification. */
export function summariseTrail(groups: readonly TrailGroup[], top = 5) {
  const tally = (pick: (group: TrailGroup) => string) => {
    const counts = new Map<string, number>();
    for (const group of groups) counts.set(pick(group), (counts.get(pick(group)) ?? 0) + group.count);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top).map(([name, count]) => ({ name, count }));
  };
  return {
    actions: tally((group) => `${group.eventSource.replace(/\.amazonaws\.com$/, "")}:${group.eventName}`),
    sourceIps: tally((group) => group.sourceIp),
    regions: tally((group) => group.region),
    errors: groups.reduce((sum, group) => sum + group.errorCount, 0),
    calls: groups.reduce((sum, group) => sum + group.count, 0),
  };
}
export type TrailSummary = ReturnType<typeof summariseTrail>;
