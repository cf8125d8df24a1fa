import { loadDefaultCatalog, type RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { parseScenario } from "@/lib/simulator/load-scenario";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { createScenarioRunner, type ScenarioRunner } from "@/lib/simulator/scenario-runner";

/** A Health API listener's own runner, when it is not given one shared with the public simulator. */
export function createRunnerFor(options: { scenario?: Scenario; catalog?: RawCatalogEntry[] }, now: () => number): ScenarioRunner {
  if (!options.scenario) throw new Error("the Health API simulator needs a scenario or a runner");
  const scenario = parseScenario(options.scenario, `"${options.scenario.name}"`);
  return createScenarioRunner({ scenario, catalog: options.catalog ?? loadDefaultCatalog(), now });
}
