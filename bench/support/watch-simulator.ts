import type { PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(5);
  }
}

/** Steps the simulator and notes when the poller next fetches a document: the new content enters the app then. */
export async function stepAndWatchFetch(simulator: PublicStatusSimulator, timeoutMs: number): Promise<{ label: string; fetchedAt: number; path: string }> {
  const before = simulator.stats().byPath;
  const { label } = simulator.step();
  const seen: { fetchedAt: number; path: string }[] = [];
  await waitUntil(
    () => {
      const now = simulator.stats().byPath;
      const path = Object.keys(now).find((key) => (now[key] ?? 0) > (before[key] ?? 0));
      if (path !== undefined) seen.push({ fetchedAt: Date.now(), path });
      return seen.length > 0;
    },
    timeoutMs,
    "an upstream fetch after the step",
  );
  const [first] = seen;
  if (!first) throw new Error("no upstream fetch after the step");
  return { label: label ?? "", ...first };
}

export interface UpstreamWindow {
  byPath: Record<string, number>;
  total: number;
}

/** Upstream requests in a fixed window with nothing stepped, while `during` runs (e.g. clients connecting). */
export async function countUpstream(
  simulator: PublicStatusSimulator,
  windowMs: number,
  during: () => Promise<void> = async () => {},
): Promise<UpstreamWindow> {
  // Both windows start just after an all.rss fetch, so they hold the same phase of the poll cycles.
  const allRss = `${new URL(simulator.rssBaseUrl).pathname}all.rss`;
  const seen = simulator.stats().byPath[allRss] ?? 0;
  await waitUntil(() => (simulator.stats().byPath[allRss] ?? 0) > seen, windowMs, "an all.rss fetch");
  simulator.resetStats();
  const started = Date.now();
  await during();
  const left = started + windowMs - Date.now();
  if (left < 5000) throw new Error(`the window of ${windowMs / 1000} s was too short for what ran in it`);
  await sleep(left);
  const stats = simulator.stats();
  return { byPath: stats.byPath, total: stats.requests };
}

export const describeUpstream = (byPath: Record<string, number>) =>
  Object.entries(byPath)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, count]) => `${path.split("/").at(-1)}:${count}`)
    .join(",");

export function compareUpstream(one: UpstreamWindow, many: UpstreamWindow): string {
  const paths = new Set([...Object.keys(one.byPath), ...Object.keys(many.byPath)]);
  const differences = [...paths].map((path) => Math.abs((one.byPath[path] ?? 0) - (many.byPath[path] ?? 0)));
  if (differences.every((difference) => difference === 0)) return "exactly equal";
  // A window holds one poll more or less of a job depending on where it starts.
  if (differences.every((difference) => difference <= 1)) return "equal per poll cycle (counts differ by one cycle boundary)";
  return "DIFFERENT";
}
