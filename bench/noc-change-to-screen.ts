import type { Page } from "playwright-core";
import { createPublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import type { Benchmark } from "@/bench/support/benchmark";
import { openFanOutClient, type FanOutChange } from "@/bench/support/fan-out-client";
import { SIMULATOR_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { startProductionApp } from "@/bench/support/start-production-app";
import { CHROMIUM_PATH, launchBenchChromium, waitForWallLive } from "@/bench/noc-browser";

const NAME = "noc-change-to-screen";
const GOAL_MS = 1000;
const POLL_SECONDS = 1;
/** Service-regions of the default catalogue; each is opened, then resolved, once. */
const KEYS = ["ec2-us-east-1", "rds-eu-west-1", "lambda-us-west-2", "dynamodb-eu-central-1", "sqs-ap-southeast-2", "s3-us-east-2", "ecs-eu-north-1", "sns-ap-northeast-1", "elb-sa-east-1", "kinesis-ca-central-1"];
/** The wall's own stream scope (see toWallStreamScope): only services with a problem. */
const WALL_STREAM_QUERY = "status=informational,degraded,disrupted,unknown";

function buildScenario(): Scenario {
  const steps: Scenario["steps"] = [];
  KEYS.forEach((key, index) => {
    const region = key.split("-").slice(1).join("-");
    steps.push({ label: `open ${key}`, actions: [{ type: "open-event", id: `e${index}`, key, region, typeCode: "AWS_BENCH_OPERATIONAL_ISSUE", summary: "Increased error rates", level: 2, message: "We are investigating increased error rates." }] });
    steps.push({ label: `resolve ${key}`, actions: [{ type: "resolve-event", id: `e${index}`, message: "The issue has been resolved and the service is operating normally." }] });
  });
  return { name: "noc-change-to-screen", description: "one service-region at a time opens, then resolves", steps };
}

/**
 * In the page: a promise that resolves with the epoch ms at which the row appears (or goes). Sent as text,
 * because the bench runs under tsx, whose helpers would not exist in the page.
 */
function buildWatchScript(selector: string, present: boolean): string {
  return `window.__nocBenchSeen = new Promise((resolve, reject) => {
    const selector = ${JSON.stringify(selector)};
    const wanted = ${present};
    const isDone = () => (document.querySelector(selector) !== null) === wanted;
    const stamp = () => performance.timeOrigin + performance.now();
    if (isDone()) return resolve(stamp());
    const timer = setTimeout(() => reject(new Error(selector + " did not change within 20 s")), 20000);
    const observer = new MutationObserver(() => {
      if (!isDone()) return;
      const at = stamp();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }); undefined`;
}

async function watchRow(page: Page, key: string, present: boolean): Promise<void> {
  await page.evaluate(buildWatchScript(`.noc-list:not(.noc-measure) [data-service-key="${key}"]`, present));
}

async function seenAt(page: Page): Promise<number> {
  const at: unknown = await page.evaluate("window.__nocBenchSeen");
  if (typeof at !== "number") throw new Error("the page's watch gave no time");
  return at;
}

async function waitForChange(changes: FanOutChange[], key: string, after: number): Promise<FanOutChange> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const found = changes.find((change) => change.at >= after && change.data.includes(`"${key}"`));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no stream change about ${key} within 20 s`);
}

export const nocChangeToScreenBenchmark: Benchmark = {
  name: NAME,
  summary: "time from the simulator publishing a change to an open /noc showing it in Chromium, minus the poll wait",
  timeLimitMs: 5 * 60_000,
  async run(cleanup) {
    const port = await findFreePort(SIMULATOR_PORT_RANGE);
    const simulator = await createPublicStatusSimulator({ scenario: buildScenario(), port });
    cleanup.add("simulator", () => simulator.close());
    const app = await startProductionApp(cleanup, { label: NAME, simulator, env: { HEALTHDECK_PUBLIC_POLL_SECONDS: String(POLL_SECONDS), HEALTHDECK_RSS_POLL_SECONDS: "60" } });
    const browser = await launchBenchChromium(cleanup);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}/noc`, { waitUntil: "load" });
    await waitForWallLive(page);
    const changes: FanOutChange[] = [];
    const client = openFanOutClient(`${app.url}/api/v1/stream?${WALL_STREAM_QUERY}`, (change) => {
      changes.push(change);
      if (changes.length > 200) changes.shift();
    });
    cleanup.add("stream client", () => client.close());
    printNote(NAME, `setup: ${app.url}/noc (next start, public poll every ${POLL_SECONDS} s) against an in-process simulator on ${simulator.url}; Chromium ${browser.version()} at ${CHROMIUM_PATH}; a bench stream client with the wall's scope stamps when the store's change is streamed`);

    const toScreen: number[] = [];
    const endToEnd: number[] = [];
    const toStream: number[] = [];
    for (const [index, key] of KEYS.flatMap((key) => [key, key]).entries()) {
      const isOpen = index % 2 === 0;
      await watchRow(page, key, isOpen);
      const publishedAt = Date.now();
      simulator.step();
      const streamed = await waitForChange(changes, key, publishedAt);
      const shownAt = await seenAt(page);
      toScreen.push(shownAt - streamed.at);
      endToEnd.push(shownAt - publishedAt);
      toStream.push(streamed.at - publishedAt);
      // Next step only once the poller has settled, so each change is measured on its own.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }

    const p = (values: number[], q: number) => formatMs(percentile(values, q));
    const p95 = percentile(toScreen, 95);
    printFigure(
      `${NAME}.latency`,
      { p50: p(toScreen, 50), p95: formatMs(p95), max: formatMs(Math.max(...toScreen)), changes: toScreen.length },
      { text: `p95 ≤ ${GOAL_MS} ms (from the change reaching the stream to the DOM)`, met: p95 <= GOAL_MS },
    );
    printFigure(`${NAME}.poll-wait`, { p50: p(toStream, 50), p95: p(toStream, 95), max: formatMs(Math.max(...toStream)), note: "simulator step → change streamed (poll interval + fetch + store + hub)" });
    printFigure(`${NAME}.end-to-end`, { p50: p(endToEnd, 50), p95: p(endToEnd, 95), max: formatMs(Math.max(...endToEnd)) });
  },
};
