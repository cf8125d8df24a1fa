import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { formatMs, printFigure } from "@/bench/support/format-figures";
import type { LighthouseReport } from "@/bench/support/read-lighthouse-report";
import { describeLcpElement, readMetricMs, runLighthouse, toScore, type LighthousePreset } from "@/bench/support/run-lighthouse";

/** Goals against the floor page measured in the same run (issue 13). */
export const FLOOR_GOALS = { scorePoints: 3, lcpMs: 300, tbtRatio: 1.5, accessibility: 100 } as const;

export interface LighthouseTarget {
  /** short label, e.g. "home" */
  label: string;
  url: string;
}

export interface PageSample {
  performance: number;
  accessibility: number;
  lcp: number;
  tbt: number;
  fcp: number;
  cls: number;
  benchmarkIndex: number;
  report: LighthouseReport;
}

export interface FloorComparison {
  floor: PageSample[];
  pages: Map<string, PageSample[]>;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

function toSample(report: LighthouseReport): PageSample {
  return {
    performance: toScore(report, "performance"),
    accessibility: toScore(report, "accessibility"),
    lcp: readMetricMs(report, "largest-contentful-paint"),
    tbt: readMetricMs(report, "total-blocking-time"),
    fcp: readMetricMs(report, "first-contentful-paint"),
    cls: readMetricMs(report, "cumulative-layout-shift"),
    benchmarkIndex: report.environment?.benchmarkIndex ?? Number.NaN,
    report,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

function printRun(name: string, run: number, sample: PageSample): void {
  printFigure(`${name}.run${run}`, {
    score: sample.performance,
    fcp: seconds(sample.fcp),
    lcp: seconds(sample.lcp),
    tbt: formatMs(sample.tbt),
    cls: sample.cls.toFixed(3),
    a11y: sample.accessibility,
    benchmarkIndex: Math.round(sample.benchmarkIndex),
  });
}

/**
 * Lighthouse runs of the floor page and each target, alternating (floor, targets…, floor, targets…), so that both
 * see the same machine load; prints every run, then the medians side by side and the goals against the floor.
 */
export async function compareLighthouseWithFloor(
  cleanup: CleanupStack,
  options: { name: string; floorUrl: string; targets: readonly LighthouseTarget[]; runs: number; preset: LighthousePreset },
): Promise<FloorComparison> {
  const { name, preset } = options;
  const categories = ["performance", "accessibility"];
  const floor: PageSample[] = [];
  const pages = new Map<string, PageSample[]>(options.targets.map((target) => [target.label, []]));
  for (let run = 1; run <= options.runs; run += 1) {
    const floorSample = toSample(await runLighthouse(cleanup, { url: `${options.floorUrl}/`, reportName: `lighthouse-floor-${preset}-${run}.json`, preset, categories }));
    floor.push(floorSample);
    printRun(`${name}.${preset}.floor`, run, floorSample);
    for (const target of options.targets) {
      const sample = toSample(await runLighthouse(cleanup, { url: target.url, reportName: `lighthouse-${target.label}-${preset}-${run}.json`, preset, categories }));
      pages.get(target.label)?.push(sample);
      printRun(`${name}.${preset}.${target.label}`, run, sample);
    }
  }
  const floorScore = median(floor.map((sample) => sample.performance));
  const floorLcp = median(floor.map((sample) => sample.lcp));
  const floorTbt = median(floor.map((sample) => sample.tbt));
  for (const target of options.targets) {
    const samples = pages.get(target.label) ?? [];
    const label = `${name}.${preset}.${target.label}`;
    const score = median(samples.map((sample) => sample.performance));
    const lcp = median(samples.map((sample) => sample.lcp));
    const tbt = median(samples.map((sample) => sample.tbt));
    const accessibility = Math.min(...samples.map((sample) => sample.accessibility));
    printFigure(`${label}.performance`, { page: score, floor: floorScore, diff: score - floorScore }, { text: `≥ floor − ${FLOOR_GOALS.scorePoints}`, met: score >= floorScore - FLOOR_GOALS.scorePoints });
    printFigure(`${label}.lcp`, { page: seconds(lcp), floor: seconds(floorLcp), diff: seconds(lcp - floorLcp) }, { text: `≤ floor + ${FLOOR_GOALS.lcpMs / 1000} s`, met: lcp <= floorLcp + FLOOR_GOALS.lcpMs });
    printFigure(
      `${label}.tbt`,
      { page: formatMs(tbt), floor: formatMs(floorTbt), diff: formatMs(tbt - floorTbt), ratio: floorTbt > 0 ? (tbt / floorTbt).toFixed(2) : "n/a" },
      { text: `≤ ${FLOOR_GOALS.tbtRatio}× floor`, met: tbt <= floorTbt * FLOOR_GOALS.tbtRatio },
    );
    printFigure(`${label}.accessibility`, { lowest: accessibility }, { text: `= ${FLOOR_GOALS.accessibility}`, met: accessibility >= FLOOR_GOALS.accessibility });
    const last = samples.at(-1);
    if (last) printFigure(`${label}.lcp-element`, { element: JSON.stringify(describeLcpElement(last.report)) });
  }
  return { floor, pages };
}
