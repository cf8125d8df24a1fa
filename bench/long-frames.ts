import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startFloorApp } from "@/bench/support/start-floor-app";
import { startProductionApp } from "@/bench/support/start-production-app";
import { buildWallScene, postHealthEvents } from "@/bench/noc-health-events";
import { launchBenchChromium } from "@/bench/noc-browser";

const NAME = "long-frames";
const RUNS = 3;
const SETTLE_MS = 6000;
const INGEST_TOKEN = "long-frames-bench-token-0123456789";
/** Lighthouse's mobile preset: a Moto G Power sized screen and a 4× slower CPU. */
const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75, cpuSlowdown: 4 } as const;

// Every long animation frame from the first, with the scripts Chromium attributes it to.
const OBSERVE_SCRIPT = `window.__frames = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__frames.push(JSON.parse(JSON.stringify(entry))); })
  .observe({ type: "long-animation-frame", buffered: true });`;

const frameSchema = z.object({
  duration: z.number(),
  blockingDuration: z.number(),
  scripts: z.array(z.object({ duration: z.number(), invoker: z.string(), sourceURL: z.string() })),
});

interface PageLoad {
  blockingMs: number;
  frames: number;
  fcpMs: number;
  /** script duration by where it came from (file, or the invoker for inline and event work) */
  scripts: Map<string, number>;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function describeScript(script: { invoker: string; sourceURL: string }): string {
  const file = script.sourceURL.replace(/^https?:\/\/[^/]+/, "").replace(/^\/_next\/static\/chunks\//, "");
  const invoker = script.invoker.replace(/^https?:\/\/[^/]+/, "");
  return invoker.startsWith("/") || invoker === file ? file || invoker : `${invoker} (${file || "inline"})`;
}

/**
 * The main thread's blocking time while a page loads, from Chromium's long-animation-frame entries at phone size with
 * a 4× slower CPU: the sum of each frame's `blockingDuration` (its part beyond 50 ms, what TBT counts) in the first
 * seconds, for the floor page and Healthdeck's pages loaded in turn. Steadier than Lighthouse's simulated TBT here, and
 * it names the scripts.
 */
export const longFramesBenchmark: Benchmark = {
  name: NAME,
  summary: "long-animation-frame blocking time of /, /noc and an event page at phone size and 4× CPU, alternating with the floor page",
  timeLimitMs: 8 * 60_000,
  async run(cleanup) {
    const { simulator } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator, env: { HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN } });
    await postHealthEvents(app.url, INGEST_TOKEN, buildWallScene(Date.now()));
    const listed = z.object({ events: z.array(z.object({ id: z.string(), arn: z.string() })) }).parse(await (await fetch(`${app.url}/api/v1/account/events`)).json());
    const event = listed.events.find((candidate) => candidate.arn.endsWith("/iss-1"));
    if (!event) throw new Error("the wall scene's EC2 issue was not stored");
    const floor = await startFloorApp(cleanup, NAME);
    const pages = [
      { label: "floor", url: `${floor.url}/` },
      { label: "home", url: `${app.url}/` },
      { label: "noc", url: `${app.url}/noc` },
      { label: "event", url: `${app.url}/events/${encodeURIComponent(event.id)}` },
    ];
    // A warm server: the first render of a page in a fresh process compiles its server chunks.
    for (const page of pages) for (let i = 0; i < 2; i += 1) await (await fetch(page.url)).text();
    const browser = await launchBenchChromium(cleanup);
    const loads = new Map<string, PageLoad[]>(pages.map((page) => [page.label, []]));
    for (let run = 0; run < RUNS; run += 1) {
      for (const page of pages) {
        const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
        try {
          const tab = await context.newPage();
          const session = await context.newCDPSession(tab);
          await session.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
          await tab.addInitScript(OBSERVE_SCRIPT);
          await tab.goto(page.url, { waitUntil: "load" });
          await tab.waitForTimeout(SETTLE_MS);
          const frames = z.array(frameSchema).parse(await tab.evaluate("window.__frames"));
          const fcpMs = z.number().parse(await tab.evaluate(`performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1`));
          const scripts = new Map<string, number>();
          for (const script of frames.flatMap((frame) => frame.scripts)) scripts.set(describeScript(script), (scripts.get(describeScript(script)) ?? 0) + script.duration);
          const load = { blockingMs: frames.reduce((sum, frame) => sum + frame.blockingDuration, 0), frames: frames.length, fcpMs, scripts };
          loads.get(page.label)?.push(load);
          printFigure(`${NAME}.${page.label}.run${run + 1}`, { blocking: formatMs(load.blockingMs), longFrames: load.frames, fcp: formatMs(fcpMs) });
        } finally {
          await context.close();
        }
      }
    }
    const floorBlocking = median((loads.get("floor") ?? []).map((load) => load.blockingMs));
    for (const page of pages) {
      const runs = loads.get(page.label) ?? [];
      const blocking = median(runs.map((load) => load.blockingMs));
      const total = new Map<string, number>();
      for (const load of runs) for (const [script, ms] of load.scripts) total.set(script, (total.get(script) ?? 0) + ms / runs.length);
      const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([script, ms]) => `${script} ${formatMs(ms)}`);
      printFigure(`${NAME}.${page.label}`, {
        blockingMedian: formatMs(blocking),
        ...(page.label === "floor" ? {} : { floorMedian: formatMs(floorBlocking), ratio: (blocking / Math.max(1, floorBlocking)).toFixed(2) }),
        fcpMedian: formatMs(median(runs.map((load) => load.fcpMs))),
        topScripts: JSON.stringify(top.join(", ")),
      });
    }
    printNote(NAME, "blocking = sum of long-animation-frame blockingDuration (beyond 50 ms per frame) over the first seconds; no goal of its own: the issue's goal is Lighthouse's TBT ≤ 1.5× the floor's, which this tracks more steadily");
  },
};
