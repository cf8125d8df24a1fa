import type { Browser, Page } from "playwright-core";
import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import { BENCH_INGEST_TOKEN, buildEntityPages } from "@/bench/support/build-health-pushes";
import { buildApplyWatchScript, buildEntityInitScript, READ_LOAD_TIMING_SCRIPT } from "@/bench/support/entity-table-page-scripts";
import { getRaw } from "@/bench/support/get-raw";
import { formatBytes, formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { FLOOR_INTERACTIVE_MARK, startFloorApp } from "@/bench/support/start-floor-app";
import { CHROMIUM_PATH, launchBenchChromium } from "@/bench/noc-browser";

const NAME = "entity-table";
const ENTITIES = 50_000;
const PER_PAGE = 5_000;
const RUNS = 5;
const INTERACTIVE_GOAL_MS = 1000;
const FILTER_GOAL_MS = 100;
/** Searches typed into the box: a few rows, a tenth, every row (each followed by clearing the box). */
const QUERIES = ["bench-fn-04321", "fn-01", "lambda"];
const PROBE_QUERY = "bench-fn-0000";

const ingestAnswerSchema = z.object({ results: z.array(z.object({ id: z.string(), isComplete: z.boolean() })) });
const appliedSchema = z.object({ latency: z.number(), rows: z.number(), domRows: z.number() });
const timingSchema = z.object({
  requests: z.array(z.object({ url: z.string(), start: z.number(), responseStart: z.number(), end: z.number(), bytes: z.number(), decoded: z.number() })),
  steps: z.array(z.object({ name: z.string(), start: z.number(), duration: z.number() })),
  firstRowsAt: z.number().nullable(),
  completeAt: z.number().nullable(),
  responseEnd: z.number().nullable(),
  domContentLoaded: z.number().nullable(),
});

/** Pushes the event's entities through the real ingest endpoint as a paged communication; returns its id. */
async function seedEvent(url: string): Promise<string> {
  const pages = buildEntityPages({ run: Date.now().toString(36), entities: ENTITIES, perPage: PER_PAGE });
  let id: string | null = null;
  for (const page of pages) {
    const response = await fetch(`${url}/api/v1/ingest/eventbridge`, { method: "POST", headers: { "Content-Type": "application/json", "X-Healthdeck-Token": BENCH_INGEST_TOKEN }, body: JSON.stringify(page) });
    if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    id = ingestAnswerSchema.parse(await response.json()).results[0]?.id ?? null;
  }
  if (id === null) throw new Error("ingest returned no event id");
  return id;
}

/** Time and size of one request for every row, as the browser would fetch it (gzip accepted). */
async function measureApi(url: string, query: string): Promise<{ ms: number; bytes: number; status: number }> {
  const response = await getRaw(`${url}${query}`, { "accept-encoding": "gzip, deflate, br" });
  return { ms: response.ms, bytes: response.body.byteLength, status: response.status };
}

interface LoadRun {
  interactive: number;
  timing: z.infer<typeof timingSchema>;
}

async function loadPage(browser: Browser, url: string): Promise<{ page: Page; run: LoadRun; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(buildEntityInitScript(ENTITIES, PROBE_QUERY));
  await page.goto(url, { waitUntil: "commit" });
  const interactive = z.number().parse(await page.evaluate("window.__entityBench.interactive"));
  const timing = timingSchema.parse(await page.evaluate(READ_LOAD_TIMING_SCRIPT));
  return { page, run: { interactive, timing }, close: () => context.close() };
}

/** The floor page's own interactive time: navigation start → its client component hydrated, in a fresh context. */
async function loadFloor(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FLOOR_INTERACTIVE_MARK, { timeout: 30_000 });
    return z.number().parse(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime, FLOOR_INTERACTIVE_MARK));
  } finally {
    await context.close();
  }
}

async function measureApply(page: Page, q: string, status: string, act: () => Promise<void>): Promise<z.infer<typeof appliedSchema>> {
  await page.evaluate(buildApplyWatchScript(q, status));
  await act();
  return appliedSchema.parse(await page.evaluate("window.__entityBench.applied"));
}

/** Searches and status filters on a loaded table; returns latencies and the largest number of rows in the DOM. */
async function measureFilters(page: Page): Promise<{ search: number[]; status: number[]; maxDomRows: number }> {
  const search: number[] = [];
  const status: number[] = [];
  let maxDomRows = 0;
  const box = page.locator("#entity-search");
  await measureApply(page, "", "", () => box.fill(""));
  for (const q of QUERIES) {
    for (const value of [q, ""]) {
      const applied = await measureApply(page, value, "", () => box.fill(value));
      search.push(applied.latency);
      maxDomRows = Math.max(maxDomRows, applied.domRows);
    }
  }
  // Typed one key at a time, as a reader does: each keystroke is its own filter.
  const typed = "fn-0123";
  for (let length = 1; length <= typed.length; length += 1) {
    const applied = await measureApply(page, typed.slice(0, length), "", () => box.press(typed.charAt(length - 1)));
    search.push(applied.latency);
  }
  await measureApply(page, "", "", () => box.fill(""));
  const hasStatusHook = await page.locator("[data-entity-table][data-applied-status]").count();
  if (hasStatusHook > 0) {
    for (const [label, value] of [["Resolved", "RESOLVED"], ["All statuses", ""], ["Pending", "PENDING"], ["All statuses", ""]] as const) {
      const applied = await measureApply(page, "", value, () => page.getByRole("button", { name: new RegExp(`^${label}`) }).click());
      status.push(applied.latency);
      maxDomRows = Math.max(maxDomRows, applied.domRows);
    }
  }
  return { search, status, maxDomRows };
}

/** The page's own user timings (healthdeck:*): when each step started and, for measures, how long it took. */
const describeSteps = (timing: LoadRun["timing"]) =>
  timing.steps.map((step) => `${step.name}@${formatMs(step.start)}${step.duration > 0 ? `+${formatMs(step.duration)}` : ""}`).join(",");

const describeRequests = (timing: LoadRun["timing"]) =>
  timing.requests.map((request) => `${new URL(request.url).search.slice(1)}:${formatMs(request.start)}→${formatMs(request.end)}/${formatBytes(request.bytes)}`).join(",");

export const entityTableBenchmark: Benchmark = {
  name: NAME,
  summary: `/events/<id> with ${ENTITIES.toLocaleString("en-US")} affected resources in Chromium on next start: time until the table is interactive (goal ≤ ${INTERACTIVE_GOAL_MS} ms), search and status filter latency (goal ≤ ${FILTER_GOAL_MS} ms)`,
  timeLimitMs: 8 * 60_000,
  async run(cleanup) {
    const { simulator } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, {
      label: NAME,
      simulator,
      env: { HEALTHDECK_INGEST_TOKEN: BENCH_INGEST_TOKEN, HEALTHDECK_INGEST_MAX_BYTES: String(8 * 1024 * 1024), HEALTHDECK_ACCOUNT_HEALTH: "off", HEALTHDECK_PUBLIC_POLL_SECONDS: "300", HEALTHDECK_RSS_POLL_SECONDS: "600" },
    });
    const seedStarted = performance.now();
    const id = await seedEvent(app.url);
    const pageUrl = `${app.url}/events/${id}`;
    const browser = await launchBenchChromium(cleanup);
    const floor = await startFloorApp(cleanup, NAME);
    printNote(NAME, `floor page: ${floor.url}/ (built in ${formatMs(floor.buildMs)}), loaded before each of the event page's loads`);
    printNote(NAME, `setup: ${pageUrl} (next start), ${ENTITIES} entities pushed through /api/v1/ingest/eventbridge in pages of ${PER_PAGE} in ${formatMs(performance.now() - seedStarted)}; Chromium ${browser.version()} at ${CHROMIUM_PATH}, 1600×1000, a fresh context (empty cache) per load`);

    const entitiesPath = `/api/v1/account/events/${id}/entities`;
    for (const [label, query] of [["json", `${entitiesPath}?limit=${ENTITIES}`], ["lean", `${entitiesPath}?limit=${ENTITIES}&format=lean`]] as const) {
      const first = await measureApi(app.url, query);
      const again = await measureApi(app.url, query);
      if (first.status !== 200 || again.status !== 200) {
        printNote(NAME, `${label}: ${query.replace(id, "<id>")} answered ${again.status}`);
        continue;
      }
      printFigure(`${NAME}.api-${label}`, { rows: ENTITIES, firstMs: formatMs(first.ms), againMs: formatMs(again.ms), wireBytes: formatBytes(again.bytes), request: query.replace(id, "<id>") });
    }

    await loadFloor(browser, `${floor.url}/`);
    const warm = await loadPage(browser, pageUrl);
    printNote(NAME, `cold first load (not counted): interactive at ${formatMs(warm.run.interactive)}, requests ${describeRequests(warm.run.timing)}`);
    await warm.close();
    const loads: LoadRun[] = [];
    const floorInteractive: number[] = [];
    const search: number[] = [];
    const status: number[] = [];
    let maxDomRows = 0;
    for (let run = 0; run < RUNS; run += 1) {
      floorInteractive.push(await loadFloor(browser, `${floor.url}/`));
      const loaded = await loadPage(browser, pageUrl);
      loads.push(loaded.run);
      const filters = await measureFilters(loaded.page);
      search.push(...filters.search);
      status.push(...filters.status);
      maxDomRows = Math.max(maxDomRows, filters.maxDomRows);
      await loaded.close();
    }
    const p = (values: number[], q: number) => formatMs(percentile(values, q));
    const interactive = loads.map((load) => load.interactive);
    const stage = (pick: (load: LoadRun) => number | null) => p(loads.map(pick).filter((value): value is number => value !== null), 50);
    printFigure(`${NAME}.load-stages`, {
      documentP50: stage((load) => load.timing.responseEnd),
      domContentLoadedP50: stage((load) => load.timing.domContentLoaded),
      firstRowsP50: stage((load) => load.timing.firstRowsAt),
      lastResponseEndP50: stage((load) => Math.max(...load.timing.requests.map((request) => request.end))),
      allRowsP50: stage((load) => load.timing.completeAt),
      requests: describeRequests(loads[0]?.timing ?? { requests: [], steps: [], firstRowsAt: null, completeAt: null, responseEnd: null, domContentLoaded: null }),
    });
    const median = [...loads].sort((a, b) => a.interactive - b.interactive)[Math.floor(loads.length / 2)];
    if (median) printNote(NAME, `median load: interactive at ${formatMs(median.interactive)}; page steps ${describeSteps(median.timing)}`);
    // The table's own share: from the page's hydration (when its effect asks for the rows) to interactive.
    const hydratedAt = (load: LoadRun) => load.timing.steps.find((step) => step.name === "entities-requested")?.start ?? null;
    const afterHydration = loads.flatMap((load) => {
      const at = hydratedAt(load);
      return at === null ? [] : [load.interactive - at];
    });
    printFigure(`${NAME}.hydration`, { hydratedP50: stage(hydratedAt), tableWorkAfterHydrationP50: p(afterHydration, 50), tableWorkAfterHydrationP95: p(afterHydration, 95), note: "hydration = the table's effect runs; the rest of the page's hydration is not the table's" });
    const interactiveP95 = percentile(interactive, 95);
    printFigure(`${NAME}.interactive`, { runs: RUNS, p50: p(interactive, 50), p95: formatMs(interactiveP95), max: formatMs(Math.max(...interactive)) }, { text: `p95 ≤ ${INTERACTIVE_GOAL_MS} ms (navigation start → ${ENTITIES} rows loaded and a search applied)`, met: interactiveP95 <= INTERACTIVE_GOAL_MS });
    printFigure(`${NAME}.floor-interactive`, {
      runs: RUNS,
      p50: p(floorInteractive, 50),
      p95: p(floorInteractive, 95),
      pageMinusFloorP50: formatMs(percentile(interactive, 50) - percentile(floorInteractive, 50)),
      note: "the floor page in the same browser, alternating with the event page: navigation start → its client component hydrated",
    });
    const searchP95 = percentile(search, 95);
    printFigure(`${NAME}.search`, { samples: search.length, p50: p(search, 50), p95: formatMs(searchP95), max: formatMs(Math.max(...search)), queries: `${QUERIES.join("|")} and typing fn-0123` }, { text: `p95 ≤ ${FILTER_GOAL_MS} ms (input event → rows updated and painted)`, met: searchP95 <= FILTER_GOAL_MS });
    if (status.length > 0) {
      const statusP95 = percentile(status, 95);
      printFigure(`${NAME}.status-filter`, { samples: status.length, p50: p(status, 50), p95: formatMs(statusP95), max: formatMs(Math.max(...status)) }, { text: `p95 ≤ ${FILTER_GOAL_MS} ms (click → rows updated and painted)`, met: statusP95 <= FILTER_GOAL_MS });
    } else {
      printNote(NAME, "status filter not measured: this build's table has no data-applied-status hook");
    }
    printFigure(`${NAME}.windowing`, { maxRowsInDom: maxDomRows, rows: ENTITIES }, { text: "≤ 200 rows in the DOM", met: maxDomRows <= 200 });
  },
};
