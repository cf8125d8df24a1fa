import { mkdirSync } from "node:fs";
import path from "node:path";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { REPORTS_DIR, REPO_ROOT } from "@/bench/support/ensure-build";
import { readLighthouseReport, type LighthouseReport } from "@/bench/support/read-lighthouse-report";
import { spawnTracked, waitForExit } from "@/bench/support/spawn-tracked";

const LIGHTHOUSE_CLI = path.join(REPO_ROOT, "node_modules", "lighthouse", "cli", "index.js");
export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// See docs toolchain §4: chrome-launcher does not add --no-sandbox, and Chromium must not phone home.
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";

export type LighthousePreset = "mobile" | "desktop";

export interface LighthouseRunOptions {
  url: string;
  /** file name under reports/ (JSON) */
  reportName: string;
  preset: LighthousePreset;
  categories: readonly string[];
}

/** One Lighthouse 12 run in its own Chromium; the JSON report is kept in reports/. */
export async function runLighthouse(cleanup: CleanupStack, options: LighthouseRunOptions): Promise<LighthouseReport> {
  mkdirSync(REPORTS_DIR, { recursive: true });
  const reportFile = path.join(REPORTS_DIR, options.reportName);
  const child = spawnTracked(
    `lighthouse ${options.reportName}`,
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      options.url,
      `--chrome-flags=${CHROME_FLAGS}`,
      `--only-categories=${options.categories.join(",")}`,
      ...(options.preset === "desktop" ? ["--preset=desktop"] : []),
      "--output=json",
      `--output-path=${reportFile}`,
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH }, logPath: path.join(REPORTS_DIR, `bench-${options.reportName.replace(/\.json$/, "")}.log`) },
  );
  // SIGINT lets lighthouse kill the Chromium it launched (chrome-launcher starts it in its own process group).
  cleanup.add(`lighthouse ${options.reportName}`, () => child.stop({ signal: "SIGINT", graceMs: 10_000 }));
  const code = await waitForExit(child, 150_000);
  if (code !== 0) throw new Error(`lighthouse (${options.reportName}) exited with ${code}:\n${child.logTail()}`);
  return readLighthouseReport(reportFile);
}

export const toScore = (report: LighthouseReport, id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);

export const readMetricMs = (report: LighthouseReport, id: string) => report.audits[id]?.numericValue ?? Number.NaN;

/** The element Lighthouse names as the largest contentful paint (its selector and the start of its HTML). */
export function describeLcpElement(report: LighthouseReport): string {
  const audit = report.audits["largest-contentful-paint-element"];
  const found = findNode(audit?.details);
  if (found !== null) return `${found.selector ?? "?"} ${(found.snippet ?? "").slice(0, 120)}`;
  // Lighthouse 12.2's TraceElements gatherer fails on Chromium 156; the PerformanceObserver figure names it instead.
  return audit?.scoreDisplayMode === "error" ? "n/a (Lighthouse could not gather it; see largest-paint)" : "n/a";
}

const readString = (value: object, key: string) => {
  const field: unknown = Reflect.get(value, key);
  return typeof field === "string" ? field : undefined;
};

function findNode(value: unknown): { selector?: string; snippet?: string } | null {
  if (typeof value !== "object" || value === null) return null;
  if ("node" in value && typeof value.node === "object" && value.node !== null) {
    return { selector: readString(value.node, "selector"), snippet: readString(value.node, "snippet") };
  }
  for (const child of Object.values(value)) {
    const found = findNode(child);
    if (found !== null) return found;
  }
  return null;
}
