import { setMaxListeners } from "node:events";
import type { Benchmark } from "@/bench/support/benchmark";
import {
  compareUpstreamRequests,
  countUpstreamRequests,
  explainVerdict,
  listFeedKeys,
  sumPerService,
  type UpstreamCounts,
} from "@/bench/support/compare-upstream-requests";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { createViewerTally, simulateViewer } from "@/bench/support/simulate-viewer";
import { startSimulatorProcess, type SimulatorProcess } from "@/bench/support/start-simulator-process";
import { startProductionApp } from "@/bench/support/start-production-app";

const NAME = "viewers";
const PUBLIC_POLL_SECONDS = 5;
const RSS_POLL_SECONDS = 10;
const WINDOW_MS = 60_000;
// The board's SWR refresh is 15 s (components/board/use-status-data.ts); 2 s is 7.5 times harsher.
const VIEWER_POLL_MS = 2_000;
const ARRIVAL_SPREAD_MS = 2_000;
const VIEWER_COUNTS = [1, 100] as const;
// After the window, viewers stop; one whose request ignores the abort is not waited for longer than this.
const SETTLE_MS = 15_000;

async function runWindow(viewerCount: number, baseUrl: string, simulator: SimulatorProcess) {
  const controller = new AbortController();
  // Every viewer's timer and request listen on this one signal.
  setMaxListeners(viewerCount * 4 + 10, controller.signal);
  const tally = createViewerTally();
  await simulator.resetStats();
  const viewers = Array.from({ length: viewerCount }, (_, index) =>
    simulateViewer({
      baseUrl,
      apiPath: "/api/v1/status",
      startDelayMs: Math.floor((ARRIVAL_SPREAD_MS * index) / viewerCount),
      pollMs: VIEWER_POLL_MS,
      signal: controller.signal,
      tally,
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const upstream = countUpstreamRequests(await simulator.stats(), simulator);
  controller.abort();
  let finished = 0;
  const settled = Promise.all(viewers.map((viewer) => viewer.finally(() => (finished += 1))));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([settled, new Promise((resolve) => (timer = setTimeout(resolve, SETTLE_MS)))]);
  clearTimeout(timer);
  return { upstream, tally, stragglers: viewerCount - finished };
}

const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const describeFeeds = (counts: UpstreamCounts) =>
  `${sumPerService(counts)} (${[...counts.perService].map(([key, requests]) => `${key.replace(/\.rss$/, "")}×${requests}`).join(",")})`;

export const viewersBenchmark: Benchmark = {
  name: NAME,
  summary: `upstream requests in ${WINDOW_MS / 1000} s with ${VIEWER_COUNTS.join(" and ")} viewers (goal: equal)`,
  timeLimitMs: 5 * 60_000,
  async run(cleanup) {
    const simulator = await startSimulatorProcess(cleanup, NAME);
    const app = await startProductionApp(cleanup, {
      label: NAME,
      simulator,
      env: { HEALTHDECK_PUBLIC_POLL_SECONDS: String(PUBLIC_POLL_SECONDS), HEALTHDECK_RSS_POLL_SECONDS: String(RSS_POLL_SECONDS) },
    });
    printNote(
      NAME,
      `setup: ${app.url} with HEALTHDECK_PUBLIC_POLL_SECONDS=${PUBLIC_POLL_SECONDS} HEALTHDECK_RSS_POLL_SECONDS=${RSS_POLL_SECONDS}, ${simulator.description}; ` +
        `each viewer loads / and its scripts/stylesheets once (arrivals spread over ${ARRIVAL_SPREAD_MS / 1000} s), then GET /api/v1/status every ${VIEWER_POLL_MS / 1000} s ` +
        `after the previous response (the real SWR client waits 15 s)`,
    );

    const results: UpstreamCounts[] = [];
    for (const viewerCount of VIEWER_COUNTS) {
      const { upstream, tally, stragglers } = await runWindow(viewerCount, app.url, simulator);
      results.push(upstream);
      printFigure(`${NAME}.${viewerCount}`, {
        upstream: upstream.total,
        currentevents: upstream.currentEvents,
        "all.rss": upstream.allRss,
        perServiceFeeds: describeFeeds(upstream),
        "services.json": upstream.catalog,
      });
      printFigure(`${NAME}.${viewerCount}.viewer-side`, {
        pageLoads: tally.pageMs.length,
        pageP50: formatMs(percentile(tally.pageMs, 50)),
        pageP99: formatMs(percentile(tally.pageMs, 99)),
        assetRequests: tally.assetRequests,
        apiRequests: tally.apiMs.length,
        apiP50: formatMs(percentile(tally.apiMs, 50)),
        apiP99: formatMs(percentile(tally.apiMs, 99)),
        errors: tally.errors,
        ...(stragglers > 0 ? { stillRunningAfterStop: stragglers } : {}),
        ...(tally.firstError ? { firstError: JSON.stringify(tally.firstError) } : {}),
      });
    }

    const [one, many] = results;
    if (!one || !many) throw new Error("missing a measurement window");
    const verdict = compareUpstreamRequests(one, many);
    const isEqual = verdict === "exactly equal" || verdict === "equal per poll cycle";
    printFigure(
      `${NAME}.compare`,
      {
        currentevents: `${one.currentEvents}vs${many.currentEvents}`,
        rssCycles: `${one.allRss}vs${many.allRss}`,
        atMost: JSON.stringify(
          `${WINDOW_MS / 1000 / PUBLIC_POLL_SECONDS} and ${WINDOW_MS / 1000 / RSS_POLL_SECONDS} cycles (each wait starts when the previous cycle ends)`,
        ),
        meanPeriods: JSON.stringify(
          `${formatSeconds(WINDOW_MS / one.currentEvents)}/${formatSeconds(WINDOW_MS / one.allRss)} with 1, ` +
            `${formatSeconds(WINDOW_MS / many.currentEvents)}/${formatSeconds(WINDOW_MS / many.allRss)} with 100`,
        ),
        perServiceFeeds: `${sumPerService(one)}vs${sumPerService(many)}`,
        sameFeedKeys: listFeedKeys(one) === listFeedKeys(many),
        total: `${one.total}vs${many.total}`,
        verdict: JSON.stringify(explainVerdict(verdict)),
      },
      { text: "upstream requests equal for 1 and 100 viewers", met: isEqual },
    );
  },
};
