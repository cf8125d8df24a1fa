import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import { compareLighthouseWithFloor } from "@/bench/support/compare-lighthouse-with-floor";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { getRawOk } from "@/bench/support/get-raw";
import { listFailingAudits, type LighthouseReport } from "@/bench/support/read-lighthouse-report";
import { CHROME_PATH } from "@/bench/support/run-lighthouse";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startFloorApp } from "@/bench/support/start-floor-app";
import { startProductionApp } from "@/bench/support/start-production-app";
import { buildWallScene, postHealthEvents } from "@/bench/noc-health-events";
import { printLargestPaint } from "@/bench/support/find-largest-paint";

const NAME = "lighthouse";
const RUNS = 3;
const WARM_UP_LOADS = 3;
const INGEST_TOKEN = "lighthouse-bench-token-0123456789";
/** The event page measured: an open EC2 issue with a few affected resources. */
const EVENT_KEY = "iss-1";

const eventsSchema = z.object({ events: z.array(z.object({ id: z.string(), arn: z.string() })) });

async function findEventId(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/v1/account/events`);
  const event = eventsSchema.parse(await response.json()).events.find((candidate) => candidate.arn.endsWith(`/${EVENT_KEY}`));
  if (!event) throw new Error(`event ${EVENT_KEY} was not stored`);
  return event.id;
}

function printFailing(label: string, report: LighthouseReport): void {
  listFailingAudits(report, "performance", 5).forEach(({ audit, weight }, index) => {
    printFigure(`${label}.failing.${index + 1}`, {
      audit: audit.id,
      score: audit.score ?? "n/a",
      weight,
      ...(audit.displayValue ? { value: JSON.stringify(audit.displayValue) } : {}),
      ...(audit.details?.overallSavingsMs ? { savingsMs: Math.round(audit.details.overallSavingsMs) } : {}),
    });
  });
}

/** Where the main thread went: what to look at when performance misses. */
function printDiagnostics(label: string, report: LighthouseReport): void {
  const items = (id: string) => report.audits[id]?.details?.items ?? [];
  const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)}s`;
  const mainThread = items("mainthread-work-breakdown")
    .slice(0, 3)
    .map((item) => `${item.group ?? "?"} ${seconds(item.duration)}`)
    .join(", ");
  const bootup = items("bootup-time")
    .slice(0, 3)
    .map((item) => `${(item.url ?? "?").replace(/^https?:\/\/[^/]+/, "")} ${seconds(item.total)}`)
    .join(", ");
  printFigure(`${label}.diagnostics`, {
    mainThread: JSON.stringify(`${report.audits["mainthread-work-breakdown"]?.displayValue ?? "?"} (${mainThread})`),
    bootup: JSON.stringify(bootup),
    domElements: report.audits["dom-size"]?.numericValue ?? "n/a",
    serverResponse: JSON.stringify(report.audits["server-response-time"]?.displayValue ?? "n/a"),
  });
}

export const lighthouseBenchmark: Benchmark = {
  name: NAME,
  summary: "Lighthouse 12 (mobile preset) of / and an event page on next start, alternating with the framework's floor page",
  timeLimitMs: 12 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator, env: { HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN } });
    await postHealthEvents(app.url, INGEST_TOKEN, buildWallScene(Date.now()));
    const eventUrl = `${app.url}/events/${encodeURIComponent(await findEventId(app.url))}`;
    const floor = await startFloorApp(cleanup, NAME);
    // The first render in a fresh process loads and compiles the page's server chunks; visitors meet a warm server.
    const warmUp: string[] = [];
    for (let i = 0; i < WARM_UP_LOADS; i += 1) {
      for (const url of [`${app.url}/`, eventUrl, `${floor.url}/`]) warmUp.push(formatMs((await getRawOk(url)).ms));
    }
    printNote(NAME, `setup: ${app.url} (next start), ${description}; floor ${floor.url} (built in ${formatMs(floor.buildMs)}); CHROME_PATH=${CHROME_PATH}; warm-up GETs ${warmUp.join(", ")}`);
    await printLargestPaint(cleanup, NAME, [
      { label: "floor", url: `${floor.url}/` },
      { label: "home", url: `${app.url}/` },
    ]);

    const result = await compareLighthouseWithFloor(cleanup, {
      name: NAME,
      floorUrl: floor.url,
      targets: [
        { label: "home", url: `${app.url}/` },
        { label: "event", url: eventUrl },
      ],
      runs: RUNS,
      preset: "mobile",
    });
    for (const [label, samples] of result.pages) {
      const worst = [...samples].sort((a, b) => a.performance - b.performance)[0];
      if (!worst || worst.performance >= 100) continue;
      printDiagnostics(`${NAME}.mobile.${label}`, worst.report);
      printFailing(`${NAME}.mobile.${label}`, worst.report);
    }
  },
};
