import { chromium, type Browser, type Page } from "playwright-core";
import { z } from "zod";
import type { CleanupStack } from "@/bench/support/cleanup-stack";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";
// As playwright.config.ts: no sandbox as root, and nothing that phones home on a closed network.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export { CHROMIUM_PATH };

/** Debian's Chromium through playwright-core, closed by the cleanup stack. */
export async function launchBenchChromium(cleanup: CleanupStack): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  cleanup.add("chromium", () => browser.close());
  return browser;
}

export interface HeapReading {
  jsHeapUsed: number;
  nodes: number;
  listeners: number;
}

/** JS heap in use after two forced full collections, with the DOM node and event listener counts beside it. */
export async function readHeapAfterGc(page: Page): Promise<HeapReading> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send("Performance.enable");
    await session.send("HeapProfiler.collectGarbage");
    await session.send("HeapProfiler.collectGarbage");
    const { metrics } = await session.send("Performance.getMetrics");
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    return { jsHeapUsed: metric("JSHeapUsedSize"), nodes: metric("Nodes"), listeners: metric("JSEventListeners") };
  } finally {
    await session.detach();
  }
}

/** Resolves when the wall's stream says it is live. */
export async function waitForWallLive(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.locator('.noc[data-connection="live"]').waitFor({ state: "attached", timeout: timeoutMs });
}

export interface HeapSnapshotSummary {
  /** compiled code and bytecode: grows while V8 warms up (optimises hot functions), then stops */
  code: number;
  /** the browser's own objects (DOM, styles, performance entries), which it bounds itself */
  native: number;
  /** JS objects, closures, strings and arrays: what a leak in the page's code would grow */
  js: number;
  /** bytes by node type and name (e.g. `code:(optimized code)`, `native:HTMLDivElement`), to say what grew */
  byName: Map<string, number>;
}

const heapSnapshotSchema = z.object({
  snapshot: z.object({ meta: z.object({ node_fields: z.array(z.string()), node_types: z.tuple([z.array(z.string())]).rest(z.unknown()) }) }),
  nodes: z.array(z.number()),
  strings: z.array(z.string()),
});

/** A heap snapshot split by kind, to tell JIT warm-up and browser buffers from page data that piles up. */
export async function summariseHeapSnapshot(page: Page): Promise<HeapSnapshotSummary> {
  const session = await page.context().newCDPSession(page);
  let text = "";
  session.on("HeapProfiler.addHeapSnapshotChunk", (event) => {
    text += event.chunk;
  });
  try {
    await session.send("HeapProfiler.enable");
    await session.send("HeapProfiler.collectGarbage");
    await session.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    await session.detach();
  }
  const snapshot = heapSnapshotSchema.parse(JSON.parse(text));
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  const nameAt = fields.indexOf("name");
  const summary: HeapSnapshotSummary = { code: 0, native: 0, js: 0, byName: new Map() };
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    const size = snapshot.nodes[index + sizeAt] ?? 0;
    const type = typeNames[snapshot.nodes[index + typeAt] ?? -1];
    const name = `${type ?? "?"}:${(snapshot.strings[snapshot.nodes[index + nameAt] ?? -1] ?? "?").slice(0, 60)}`;
    summary.byName.set(name, (summary.byName.get(name) ?? 0) + size);
    if (type === "code") summary.code += size;
    else if (type === "native") summary.native += size;
    else summary.js += size;
  }
  return summary;
}
