import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Benchmark } from "@/bench/support/benchmark";
import { REPORTS_DIR, REPO_ROOT } from "@/bench/support/ensure-build";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { getRawOk } from "@/bench/support/get-raw";
import { listFailingAudits, readLighthouseReport, type LighthouseReport } from "@/bench/support/read-lighthouse-report";
import { spawnTracked, waitForExit } from "@/bench/support/spawn-tracked";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";

const NAME = "lighthouse";
const LIGHTHOUSE_CLI = path.join(REPO_ROOT, "node_modules", "lighthouse", "cli", "index.js");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// See docs toolchain §4: chrome-launcher does not add --no-sandbox, and Chromium must not phone home.
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";
const REPORT_FILE = path.join(REPORTS_DIR, "lighthouse-home.json");
const WARM_UP_LOADS = 3;
const GOALS = { performance: 95, accessibility: 100 } as const;
const METRICS = [
  ["fcp", "first-contentful-paint"],
  ["lcp", "largest-contentful-paint"],
  ["tbt", "total-blocking-time"],
  ["cls", "cumulative-layout-shift"],
  ["si", "speed-index"],
] as const;

const toScore = (report: LighthouseReport, id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);

function printFailing(report: LighthouseReport, categoryId: string): void {
  listFailingAudits(report, categoryId, 6).forEach(({ audit, weight }, index) => {
    const firstNode = audit.details?.items?.[0]?.node;
    printFigure(`${NAME}.${categoryId}.failing.${index + 1}`, {
      audit: audit.id,
      score: audit.score ?? "n/a",
      weight,
      ...(audit.displayValue ? { value: JSON.stringify(audit.displayValue) } : {}),
      ...(audit.details?.overallSavingsMs ? { savingsMs: Math.round(audit.details.overallSavingsMs) } : {}),
      ...(audit.details?.items ? { items: audit.details.items.length } : {}),
      ...(firstNode?.selector ? { firstNode: JSON.stringify(firstNode.selector) } : {}),
      title: JSON.stringify(audit.title),
    });
  });
}

/** Where the main thread went: what to look at when performance misses. */
function printDiagnostics(report: LighthouseReport): void {
  const items = (id: string) => report.audits[id]?.details?.items ?? [];
  const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)}s`;
  const mainThread = items("mainthread-work-breakdown")
    .slice(0, 3)
    .map((item) => `${item.group ?? "?"} ${seconds(item.duration)}`)
    .join(", ");
  const bootup = items("bootup-time")
    .slice(0, 3)
    .map((item) => `${(item.url ?? "?").replace(/^https?:\/\/[^/]+/, "")} ${seconds(item.total)}`)
    .join(", ");
  printFigure(`${NAME}.diagnostics`, {
    benchmarkIndex: report.environment?.benchmarkIndex ?? "n/a",
    mainThread: JSON.stringify(`${report.audits["mainthread-work-breakdown"]?.displayValue ?? "?"} (${mainThread})`),
    bootup: JSON.stringify(bootup),
    longTasks: items("long-tasks").length,
    domElements: report.audits["dom-size"]?.numericValue ?? "n/a",
    serverResponse: JSON.stringify(report.audits["server-response-time"]?.displayValue ?? "n/a"),
  });
}

export const lighthouseBenchmark: Benchmark = {
  name: NAME,
  summary: "Lighthouse 12 (mobile preset, simulated throttling) of / on next start",
  timeLimitMs: 4 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator });
    // The first render in a fresh process loads and compiles the page's server chunks; visitors meet a warm server.
    const warmUp: string[] = [];
    for (let i = 0; i < WARM_UP_LOADS; i += 1) warmUp.push(formatMs((await getRawOk(`${app.url}/`)).ms));
    printNote(NAME, `setup: ${app.url} (next start), ${description}; CHROME_PATH=${CHROME_PATH}; warm-up GET / ${warmUp.join(", ")}`);
    mkdirSync(REPORTS_DIR, { recursive: true });
    const child = spawnTracked(
      "lighthouse",
      process.execPath,
      [
        LIGHTHOUSE_CLI,
        `${app.url}/`,
        `--chrome-flags=${CHROME_FLAGS}`,
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json",
        `--output-path=${REPORT_FILE}`,
        "--quiet",
      ],
      { env: { ...process.env, CHROME_PATH }, logPath: path.join(REPORTS_DIR, "bench-lighthouse.log") },
    );
    // SIGINT lets lighthouse kill the Chromium it launched (chrome-launcher starts it in its own process group).
    cleanup.add("lighthouse", () => child.stop({ signal: "SIGINT", graceMs: 10_000 }));
    const code = await waitForExit(child, 150_000);
    if (code !== 0) throw new Error(`lighthouse exited with ${code}:\n${child.logTail()}`);

    const report = readLighthouseReport(REPORT_FILE);
    const metrics = Object.fromEntries(METRICS.map(([label, id]) => [label, report.audits[id]?.displayValue ?? "n/a"]));
    const performance = toScore(report, "performance");
    const accessibility = toScore(report, "accessibility");
    printFigure(`${NAME}.performance`, { score: performance, ...metrics }, { text: `≥ ${GOALS.performance}`, met: performance >= GOALS.performance });
    printFigure(`${NAME}.accessibility`, { score: accessibility }, { text: `= ${GOALS.accessibility}`, met: accessibility >= GOALS.accessibility });
    printFigure(`${NAME}.other`, {
      "best-practices": toScore(report, "best-practices"),
      seo: toScore(report, "seo"),
      version: report.lighthouseVersion,
      report: path.relative(REPO_ROOT, REPORT_FILE),
    });
    for (const warning of report.runWarnings) printNote(`${NAME}.warning`, warning);
    if (performance < GOALS.performance) {
      printDiagnostics(report);
      printFailing(report, "performance");
    }
    if (accessibility < GOALS.accessibility) printFailing(report, "accessibility");
  },
};
