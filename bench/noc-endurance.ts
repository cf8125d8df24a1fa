import type { Route } from "playwright-core";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatBytes, printFigure, printNote } from "@/bench/support/format-figures";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { CHROMIUM_PATH, launchBenchChromium, readHeapAfterGc, summariseHeapSnapshot, type HeapReading, type HeapSnapshotSummary } from "@/bench/noc-browser";
import { createWallStreamGenerator, WALL_STREAM_CYCLE } from "@/bench/noc-stream-generator";

const NAME = "noc-endurance";
const WARM_UPDATES = 100;
const LONG_UPDATES = 5000;
const BATCH = 250;
const GOAL_GROWTH = 0.1;
const SETTLE_MS = 3000;

interface HeldConnection {
  route: Route;
}

/** The page's stream requests, one at a time: each is answered with a finite batch, then the page reconnects. */
function createStreamGate() {
  const waiting: ((held: HeldConnection) => void)[] = [];
  const queued: HeldConnection[] = [];
  return {
    handle(route: Route) {
      const held = { route };
      const next = waiting.shift();
      if (next) next(held);
      else queued.push(held);
    },
    next(timeoutMs = 30_000): Promise<HeldConnection> {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the page did not reconnect to the stream")), timeoutMs);
        waiting.push((held) => {
          clearTimeout(timer);
          resolve(held);
        });
      });
    },
  };
}

const fulfil = (held: HeldConnection, body: string) =>
  held.route.fulfill({ status: 200, headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" }, body });

const growth = (before: number, after: number) => (after - before) / before;

export const nocEnduranceBenchmark: Benchmark = {
  name: NAME,
  summary: `browser JS heap of /noc after ${WARM_UPDATES} and after ${LONG_UPDATES} streamed updates (forced GC, Chromium)`,
  timeLimitMs: 6 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator });
    const browser = await launchBenchChromium(cleanup);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    printNote(NAME, `setup: ${app.url}/noc (next start), ${description}; Chromium ${browser.version()} at ${CHROMIUM_PATH}, 1920×1080`);
    printNote(
      NAME,
      `driver: a bench-only generator answers the page's /api/v1/stream requests (page.route) with hello, one snapshot, then batches of ${BATCH} change events in the stream contract's schemas; each batch ends the response, so the page also reconnects ${LONG_UPDATES / BATCH} times. Ids cycle (30 services, 8 public events, 40 account events), so a correct page holds the same amount after ${WARM_UPDATES} and ${LONG_UPDATES} updates`,
    );

    // The page learns its build from its first hello; the generator says the real server's, so it never reloads.
    const helloResponse = await fetch(`${app.url}/api/v1/stream`, { signal: AbortSignal.timeout(10_000) });
    const reader = helloResponse.body?.getReader();
    const firstChunk = new TextDecoder().decode((await reader?.read())?.value);
    await reader?.cancel();
    const buildId = /"buildId":"([^"]+)"/.exec(firstChunk)?.[1] ?? "development";
    const generator = createWallStreamGenerator(buildId);

    const gate = createStreamGate();
    await page.route("**/api/v1/stream**", (route) => gate.handle(route));
    await page.goto(`${app.url}/noc?rotate=5`, { waitUntil: "load" });

    let delivered = 0;
    const deliver = async (count: number, withSnapshot: boolean, marker: string) => {
      const held = await gate.next();
      await fulfil(held, `retry: 200\n${generator.hello()}${withSnapshot ? generator.snapshot() : ""}${generator.changes(count)}${generator.marker(marker)}`);
      delivered += count + 1;
      await page.locator(`[data-event-id="${marker}"]`).first().waitFor({ state: "attached", timeout: 30_000 });
    };

    const measure = async (label: string): Promise<HeapReading & { updates: number; snapshot: HeapSnapshotSummary }> => {
      // Hold the page's next reconnect while measuring, so nothing arrives meanwhile.
      const held = await gate.next();
      await page.waitForTimeout(SETTLE_MS);
      const reading = await readHeapAfterGc(page);
      const snapshot = await summariseHeapSnapshot(page);
      printNote(NAME, `${label}: ${delivered} updates applied (${generator.step} generated changes + markers), heap ${formatBytes(reading.jsHeapUsed)}, ${reading.nodes} DOM nodes, ${reading.listeners} listeners`);
      gate.handle(held.route);
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
    await deliverUntil(alignedAfter(LONG_UPDATES / 2));
    const middle = await measure("half way");
    await deliverUntil(alignedAfter(LONG_UPDATES));
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
    // DevTools keeps the bodies of the responses it saw (the bench's stream answers) while it is attached; a kiosk
    // browser without DevTools has no such buffer. Informational: the goal above is judged on the whole heap.
    const devtoolsBuffers = grown.filter(([name]) => name.includes("NetworkResourcesData")).reduce((sum, [, size]) => sum + size, 0);
    printFigure(`${NAME}.without-devtools-buffers`, {
      growth: `${((growth(warm.jsHeapUsed, long.jsHeapUsed - devtoolsBuffers)) * 100).toFixed(1)}%`,
      devtoolsNetworkBuffers: `+${formatBytes(devtoolsBuffers)}`,
      note: "the same readings minus what DevTools' network agent kept",
    });
    printFigure(`${NAME}.dom`, { nodes: `${warm.nodes}/${middle.nodes}/${long.nodes}`, listeners: `${warm.listeners}/${middle.listeners}/${long.listeners}` });
  },
};
