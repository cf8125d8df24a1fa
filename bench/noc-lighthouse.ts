import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Benchmark } from "@/bench/support/benchmark";
import { REPORTS_DIR, REPO_ROOT } from "@/bench/support/ensure-build";
import { printFigure, printNote } from "@/bench/support/format-figures";
import { listFailingAudits, readLighthouseReport, type LighthouseReport } from "@/bench/support/read-lighthouse-report";
import { spawnTracked, waitForExit } from "@/bench/support/spawn-tracked";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { buildWallScene, postHealthEvents } from "@/bench/noc-health-events";

const NAME = "noc-lighthouse";
const LIGHTHOUSE_CLI = path.join(REPO_ROOT, "node_modules", "lighthouse", "cli", "index.js");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// See docs toolchain §4: chrome-launcher does not add --no-sandbox, and Chromium must not phone home.
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";
const GOALS = { performance: 95, accessibility: 100 } as const;
const INGEST_TOKEN = "noc-lighthouse-bench-token-0123456789";
/** Lighthouse's mobile preset (a phone, 4× CPU slowdown) is the strict one; desktop is closer to a wall PC. */
const PRESETS = ["mobile", "desktop"] as const;
const METRICS = [
  ["fcp", "first-contentful-paint"],
  ["lcp", "largest-contentful-paint"],
  ["tbt", "total-blocking-time"],
  ["cls", "cumulative-layout-shift"],
] as const;

const toScore = (report: LighthouseReport, id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);

function printFailing(label: string, report: LighthouseReport, categoryId: string): void {
  listFailingAudits(report, categoryId, 5).forEach(({ audit, weight }, index) => {
    printFigure(`${label}.${categoryId}.failing.${index + 1}`, {
      audit: audit.id,
      score: audit.score ?? "n/a",
      weight,
      ...(audit.displayValue ? { value: JSON.stringify(audit.displayValue) } : {}),
      title: JSON.stringify(audit.title),
    });
  });
}

export const nocLighthouseBenchmark: Benchmark = {
  name: NAME,
  summary: "Lighthouse 12 performance and accessibility of /noc (mobile and desktop presets) on next start, with account events",
  timeLimitMs: 6 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator, env: { HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN } });
    await postHealthEvents(app.url, INGEST_TOKEN, buildWallScene(Date.now()));
    printNote(NAME, `setup: ${app.url}/noc (next start), ${description}, plus ${buildWallScene(0).length} account events by EventBridge ingest; CHROME_PATH=${CHROME_PATH}`);
    mkdirSync(REPORTS_DIR, { recursive: true });

    for (const preset of PRESETS) {
      const label = `${NAME}.${preset}`;
      const reportFile = path.join(REPORTS_DIR, `lighthouse-noc-${preset}.json`);
      const child = spawnTracked(
        `lighthouse (${preset})`,
        process.execPath,
        [
          LIGHTHOUSE_CLI,
          `${app.url}/noc`,
          `--chrome-flags=${CHROME_FLAGS}`,
          "--only-categories=performance,accessibility,best-practices",
          ...(preset === "desktop" ? ["--preset=desktop"] : []),
          "--output=json",
          `--output-path=${reportFile}`,
          "--quiet",
        ],
        { env: { ...process.env, CHROME_PATH }, logPath: path.join(REPORTS_DIR, `bench-lighthouse-noc-${preset}.log`) },
      );
      // SIGINT lets lighthouse kill the Chromium it launched (chrome-launcher starts it in its own process group).
      cleanup.add(`lighthouse ${preset}`, () => child.stop({ signal: "SIGINT", graceMs: 10_000 }));
      const code = await waitForExit(child, 150_000);
      if (code !== 0) throw new Error(`lighthouse (${preset}) exited with ${code}:\n${child.logTail()}`);

      const report = readLighthouseReport(reportFile);
      const metrics = Object.fromEntries(METRICS.map(([key, id]) => [key, report.audits[id]?.displayValue ?? "n/a"]));
      const performance = toScore(report, "performance");
      const accessibility = toScore(report, "accessibility");
      printFigure(`${label}.performance`, { score: performance, ...metrics }, { text: `≥ ${GOALS.performance}`, met: performance >= GOALS.performance });
      printFigure(`${label}.accessibility`, { score: accessibility, "best-practices": toScore(report, "best-practices"), report: path.relative(REPO_ROOT, reportFile) }, { text: `= ${GOALS.accessibility}`, met: accessibility >= GOALS.accessibility });
      for (const warning of report.runWarnings) printNote(`${label}.warning`, warning);
      if (performance < GOALS.performance) printFailing(label, report, "performance");
      if (accessibility < GOALS.accessibility) printFailing(label, report, "accessibility");
    }
  },
};
