import { applyScenarioAction } from "@/lib/simulator/apply-scenario-action";
import type { RawCatalogEntry } from "@/lib/simulator/default-catalog";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { createWorldState, type WorldState } from "@/lib/simulator/world-state";

export interface StepInfo {
  /** false once every step has been applied (call reset() to replay). */
  applied: boolean;
  /** Index of the step just applied, or of the last applied step when none was; -1 before the first. */
  index: number;
  label: string | null;
  /** Epoch seconds that stamped the step's updates. */
  at: number | null;
  total: number;
  remaining: number;
}

export interface ScenarioRunner {
  world(): WorldState;
  step(): StepInfo;
  reset(): void;
  /** Index of the last applied step, -1 before the first. */
  stepIndex(): number;
  /** Called after every applied step and every reset; returns the unsubscribe function. */
  subscribe(listener: (change: "step" | "reset") => void): () => void;
}

export function createScenarioRunner(options: {
  scenario: Scenario;
  catalog: RawCatalogEntry[];
  now: () => number;
}): ScenarioRunner {
  const { scenario, now } = options;
  const catalog = new Map(options.catalog.map((entry) => [entry.service, entry]));
  const nowSeconds = () => Math.floor(now() / 1000);
  let world = createWorldState(scenario.name, nowSeconds(), scenario.accounts);
  let applied = -1;
  const total = scenario.steps.length;
  const listeners = new Set<(change: "step" | "reset") => void>();
  const notify = (change: "step" | "reset") => {
    for (const listener of listeners) listener(change);
  };

  return {
    world: () => world,
    stepIndex: () => applied,
    reset() {
      world = createWorldState(scenario.name, nowSeconds(), scenario.accounts);
      applied = -1;
      notify("reset");
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    step() {
      const step = scenario.steps[applied + 1];
      if (!step) return { applied: false, index: applied, label: null, at: null, total, remaining: 0 };
      applied += 1;
      const at = step.at === undefined ? nowSeconds() : world.startedAt + step.at;
      for (const action of step.actions) applyScenarioAction(world, action, { catalog, at });
      notify("step");
      return { applied: true, index: applied, label: step.label ?? null, at, total, remaining: total - applied - 1 };
    },
  };
}
