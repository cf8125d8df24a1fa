import type { RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { parseScenario } from "@/lib/simulator/load-scenario";
import { labelRegion } from "@/lib/simulator/region-labels";
import type { Scenario, ScenarioAction } from "@/lib/simulator/scenario-schema";

export interface BenchScenarioOptions {
  /** Number of service keys, each with one event and its history. */
  keys: number;
  /** event_log entries per key before the live steps (open, updates, then resolve or a last update); at least 2. */
  updatesPerKey?: number;
  /** Fraction of keys whose event stays open (the rest resolve and expire); at least one stays open. */
  openFraction?: number;
  /** Clock-stamped steps after the history, each updating `churn` open events. */
  liveSteps?: number;
  churn?: number;
  regions?: string[];
  /** Seconds between history rounds. */
  spacingSeconds?: number;
}

export interface BenchScenario {
  scenario: Scenario;
  catalog: RawCatalogEntry[];
  /** Keys whose events are still open after the history step(s). */
  openKeys: string[];
}

const DEFAULT_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"];

/**
 * A synthetic world for benchmarks: step 0..u-1 write u hours of history (explicit negative `at`), the next step
 * expires what resolved, and the remaining steps are live updates stamped by the simulator clock.
 */
export function generateBenchScenario(options: BenchScenarioOptions): BenchScenario {
  const updatesPerKey = Math.max(2, options.updatesPerKey ?? 3);
  const regions = options.regions ?? DEFAULT_REGIONS;
  const spacing = options.spacingSeconds ?? 3_600;
  const keys = Array.from({ length: options.keys }, (_, index) => {
    const region = regions[index % regions.length] ?? "us-east-1";
    return { index, region, key: `benchsvc${index}-${region}`, id: `bench-${index}` };
  });
  const openCount = Math.max(1, Math.round(options.keys * (options.openFraction ?? 0.1)));
  const isOpen = (index: number) => index < openCount;
  const message = (index: number, round: number) =>
    `Bench update ${round + 1} for service ${index}: we are investigating elevated error rates and will provide another update soon.`;

  const steps: Scenario["steps"] = [];
  for (let round = 0; round < updatesPerKey; round += 1) {
    const at = -(updatesPerKey - round) * spacing;
    const last = round === updatesPerKey - 1;
    const actions = keys.map(({ index, region, key, id }): ScenarioAction => {
      if (round === 0) {
        const typeCode = `AWS_BENCHSVC${index}_OPERATIONAL_ISSUE`;
        return { type: "open-event", id, key, region, typeCode, summary: `Increased Error Rates ${index}`, level: 1, message: message(index, round) };
      }
      if (last && !isOpen(index)) return { type: "resolve-event", id, message: `Service ${index} has recovered.` };
      return { type: "update-event", id, level: round % 2 === 0 ? 1 : 2, message: message(index, round) };
    });
    steps.push({ label: `history round ${round + 1}`, at, actions });
  }
  const resolved = keys.filter(({ index }) => !isOpen(index));
  if (resolved.length > 0) {
    steps.push({ label: "expire resolved", at: -60, actions: resolved.map(({ id }) => ({ type: "expire-event", id })) });
  }
  const churn = Math.max(1, Math.min(openCount, options.churn ?? Math.ceil(openCount / 10)));
  for (let live = 0; live < (options.liveSteps ?? 20); live += 1) {
    const actions = Array.from({ length: churn }, (_, offset): ScenarioAction => {
      const index = (live * churn + offset) % openCount;
      return { type: "update-event", id: `bench-${index}`, level: live % 2 === 0 ? 3 : 2, message: `Live update ${live + 1} for service ${index}.` };
    });
    steps.push({ label: `live ${live + 1}`, actions });
  }

  const catalog = keys.map(({ index, region, key }) => ({
    service: key,
    service_name: `Bench Service ${index}`,
    region_id: region,
    region_name: labelRegion(region),
  }));
  const scenario = parseScenario({ name: `bench-${options.keys}`, description: "Generated benchmark scenario", steps }, "bench");
  return { scenario, catalog, openKeys: keys.filter(({ index }) => isOpen(index)).map(({ key }) => key) };
}
