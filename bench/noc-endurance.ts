import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatBytes, printFigure, printNote } from "@/bench/support/format-figures";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { startStreamProxy } from "@/bench/support/start-stream-proxy";
import { CHROMIUM_PATH, launchBenchChromium, readHeapAfterGc, summariseHeapSnapshot, type HeapReading, type HeapSnapshotSummary } from "@/bench/noc-browser";
import { createWallStreamGenerator, WALL_STREAM_CYCLE } from "@/bench/noc-stream-generator";

const NAME = "noc-endurance";
const WARM_UPDATES = 500;
const LONG_UPDATES = 5000;
const BATCH = 250;
const GOAL_GROWTH = 0.1;
const SETTLE_MS = 3000;

const growth = (before: number, after: number) => (after - before) / before;

/** Long animation frames Chromium holds for a buffered observer (PerformanceScriptTiming in the snapshot are theirs). */
const COUNT_LONG_ANIMATION_FRAMES = `new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => { observer.disconnect(); resolve(list.getEntries().length); });
  try { observer.observe({ type: "long-animation-frame", buffered: true }); } catch { resolve(-1); }
  setTimeout(() => { observer.disconnect(); resolve(0); }, 1000);
})`;

export const nocEnduranceBenchmark: Benchmark = {
  name: NAME,
  summary: `browser JS heap of /noc after a warm-up of ${WARM_UPDATES} streamed updates and after ${LONG_UPDATES} more (forced GC, Chromium, stream from a real HTTP server)`,
  timeLimitMs: 6 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator });
    const browser = await launchBenchChromium(cleanup);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    printNote(NAME, `setup: ${app.url}/noc (next start), ${description}; Chromium ${browser.version()} at ${CHROMIUM_PATH}, 1920×1080`);
    printNote(
      NAME,
      `driver: the page is opened through a real HTTP server in front of the app (bench/support/start-stream-proxy.ts, no page.route) that answers /api/v1/stream itself from a bench-only generator: hello, one snapshot, then batches of ${BATCH} change events in the stream contract's schemas; each batch ends the response, so the page also reconnects ${LONG_UPDATES / BATCH} times. Ids cycle (30 services, 8 public events, 40 account events), so a correct page holds the same amount after ${WARM_UPDATES} and ${WARM_UPDATES + LONG_UPDATES} updates`,
    );

    // The page learns its build from its first hello; the generator says the real server's, so it never reloads.
    const helloResponse = await fetch(`${app.url}/api/v1/stream`, { signal: AbortSignal.timeout(10_000) });
    const reader = helloResponse.body?.getReader();
    const firstChunk = new TextDecoder().decode((await reader?.read())?.value);
    await reader?.cancel();
    const buildId = /"buildId":"([^"]+)"/.exec(firstChunk)?.[1] ?? "development";
    const generator = createWallStreamGenerator(buildId);

    const gate = await startStreamProxy(cleanup, app.url);
    await page.goto(`${gate.url}/noc?rotate=5`, { waitUntil: "load" });

    let delivered = 0;
    const deliver = async (count: number, withSnapshot: boolean, marker: string) => {
      const held = await gate.nextStream();
      held.answer(`retry: 200\n${generator.hello()}${withSnapshot ? generator.snapshot() : ""}${generator.changes(count)}${generator.marker(marker)}`);
      delivered += count + 1;
      await page.locator(`[data-event-id="${marker}"]`).first().waitFor({ state: "attached", timeout: 30_000 });
    };

    const measure = async (label: string): Promise<HeapReading & { updates: number; snapshot: HeapSnapshotSummary }> => {
      // Hold the page's next reconnect while measuring, so nothing arrives meanwhile.
      const held = await gate.nextStream();
      await page.waitForTimeout(SETTLE_MS);
      const reading = await readHeapAfterGc(page);
      const snapshot = await summariseHeapSnapshot(page);
      const longFrames = z.number().parse(await page.evaluate(COUNT_LONG_ANIMATION_FRAMES));
      printNote(NAME, `${label}: ${delivered} updates applied (${generator.step} generated changes + markers), heap ${formatBytes(reading.jsHeapUsed)}, ${reading.nodes} DOM nodes, ${reading.listeners} listeners, ${longFrames} long animation frames buffered by Chromium (it keeps at most 200, with their scripts)`);
      held.release();
      return { ...reading, updates: delivered, snapshot };
    };

    // Readings are taken at the same point of the generator's cycle, so the page should hold the same data.
    const alignedAfter = (atLeast: number) => WARM_UPDATES + Math.ceil((atLeast - WARM_UPDATES) / WALL_STREAM_CYCLE) * WALL_STREAM_CYCLE;
    let marker = 0;
    const deliverUntil = async (target: number) => {
      while (generator.step < target) {
        marker += 1;
        await deliver(Math.min(BATCH, target - generator.step), false, `bench-marker-${marker}`);
      }
    };
    await deliver(WARM_UPDATES, true, "bench-marker-warm");
    const warm = await measure("after warm-up");
    const started = performance.now();
    await deliverUntil(alignedAfter(WARM_UPDATES + LONG_UPDATES / 2));
    const middle = await measure("half way");
    await deliverUntil(alignedAfter(WARM_UPDATES + LONG_UPDATES));
    const seconds = (performance.now() - started) / 1000;
    const long = await measure("at the end");

    const heapGrowth = growth(warm.jsHeapUsed, long.jsHeapUsed);
    printFigure(
      `${NAME}.heap`,
      {
        [`after${warm.updates}`]: formatBytes(warm.jsHeapUsed),
        [`after${middle.updates}`]: formatBytes(middle.jsHeapUsed),
        [`after${long.updates}`]: formatBytes(long.jsHeapUsed),
        growth: `${(heapGrowth * 100).toFixed(1)}%`,
        rate: `${Math.round((delivered - WARM_UPDATES) / seconds)}/s`,
      },
      { text: `growth ≤ ${GOAL_GROWTH * 100}%`, met: heapGrowth <= GOAL_GROWTH },
    );
    const steady = growth(middle.jsHeapUsed, long.jsHeapUsed);
    printFigure(`${NAME}.steady`, { [`growth${middle.updates}to${long.updates}`]: `${(steady * 100).toFixed(1)}%` });
    const delta = (key: "code" | "js" | "native") => `${long.snapshot[key] >= warm.snapshot[key] ? "+" : "-"}${formatBytes(Math.abs(long.snapshot[key] - warm.snapshot[key]))}`;
    printFigure(`${NAME}.snapshot`, { compiledCode: delta("code"), pageObjects: delta("js"), browserObjects: delta("native"), note: "heap snapshot after GC, last reading minus first" });
    const grown: [string, number][] = [...long.snapshot.byName].map(([name, size]) => [name, size - (warm.snapshot.byName.get(name) ?? 0)]);
    const topGrowth = grown.sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, size]) => `${name}=+${formatBytes(size)}`);
    printFigure(`${NAME}.grew`, { top: topGrowth.join(" ") });
    // DevTools keeps the bodies of responses it saw while it is attached; a kiosk browser without DevTools has no such
    // buffer. Informational: the goal above is judged on the whole heap.
    const devtoolsBuffers = grown.filter(([name]) => name.includes("NetworkResourcesData")).reduce((sum, [, size]) => sum + size, 0);
    printFigure(`${NAME}.without-devtools-buffers`, {
      growth: `${((growth(warm.jsHeapUsed, long.jsHeapUsed - devtoolsBuffers)) * 100).toFixed(1)}%`,
      devtoolsNetworkBuffers: `+${formatBytes(devtoolsBuffers)}`,
      note: "the same readings minus what DevTools' network agent kept",
    });
    printFigure(`${NAME}.dom`, { nodes: `${warm.nodes}/${middle.nodes}/${long.nodes}`, listeners: `${warm.listeners}/${middle.listeners}/${long.listeners}` });
  },
};
