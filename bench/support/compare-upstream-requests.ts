import type { SimulatorStats } from "@/lib/simulator/simulator-stats";

export interface UpstreamCounts {
  total: number;
  currentEvents: number;
  allRss: number;
  /** Per-service feed requests by file name (`lambda-us-east-1.rss`). */
  perService: Map<string, number>;
  catalog: number;
}

export interface UpstreamPaths {
  currentEventsUrl: string;
  rssBaseUrl: string;
  catalogUrl: string;
}

export function countUpstreamRequests(stats: SimulatorStats, upstream: UpstreamPaths): UpstreamCounts {
  const currentEventsPath = new URL(upstream.currentEventsUrl).pathname;
  const rssPrefix = new URL(upstream.rssBaseUrl).pathname;
  const catalogPath = new URL(upstream.catalogUrl).pathname;
  const counts: UpstreamCounts = { total: stats.requests, currentEvents: 0, allRss: 0, perService: new Map(), catalog: 0 };
  for (const [path, requests] of Object.entries(stats.byPath)) {
    if (path === currentEventsPath) counts.currentEvents += requests;
    else if (path === `${rssPrefix}all.rss`) counts.allRss += requests;
    else if (path.startsWith(rssPrefix)) counts.perService.set(path.slice(rssPrefix.length), requests);
    else if (path === catalogPath) counts.catalog += requests;
  }
  return counts;
}

export const sumPerService = (counts: UpstreamCounts) => [...counts.perService.values()].reduce((sum, value) => sum + value, 0);
export const listFeedKeys = (counts: UpstreamCounts) => [...counts.perService.keys()].sort().join(",");

/** Every per-service feed was fetched once per all.rss fetch, give or take a cycle cut by a window edge. */
function isOncePerRssCycle(counts: UpstreamCounts): boolean {
  return [...counts.perService.values()].every((requests) => Math.abs(requests - counts.allRss) <= 1);
}

export type Verdict = "exactly equal" | "equal per poll cycle" | "fewer cycles" | "different";

/**
 * Windows of fixed length cut poll cycles at their edges, so counts may differ by one cycle (and a cycle's documents
 * may straddle an edge) without any viewer having caused a request.
 */
export function compareUpstreamRequests(one: UpstreamCounts, many: UpstreamCounts): Verdict {
  const sameKeys = listFeedKeys(one) === listFeedKeys(many);
  const exact =
    sameKeys &&
    one.total === many.total &&
    one.currentEvents === many.currentEvents &&
    one.allRss === many.allRss &&
    [...one.perService].every(([key, requests]) => many.perService.get(key) === requests);
  if (exact) return "exactly equal";
  const perCycle = sameKeys && isOncePerRssCycle(one) && isOncePerRssCycle(many) && one.catalog === many.catalog;
  if (perCycle && Math.abs(one.currentEvents - many.currentEvents) <= 1 && Math.abs(one.allRss - many.allRss) <= 1) return "equal per poll cycle";
  if (perCycle && many.currentEvents <= one.currentEvents && many.allRss <= one.allRss) return "fewer cycles";
  return "different";
}

export function explainVerdict(verdict: Verdict): string {
  switch (verdict) {
    case "exactly equal":
      return "exactly equal";
    case "equal per poll cycle":
      return "equal per poll cycle: cycle counts within ±1 and each feed fetched once per RSS cycle; the rest is cycles cut by the window edges";
    case "fewer cycles":
      return "NOT EQUAL: same requests per cycle, but fewer poll cycles with 100 viewers (the poller's timers ran late under the load)";
    case "different":
      return "DIFFERENT: viewers changed what was asked upstream";
  }
}
