import { z } from "zod";
import { loadDefaultCatalog, rawCatalogEntrySchema, type RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import {
  createHealthApiSimulator,
  type HealthApiSimulator,
  type HealthApiSimulatorOptions,
} from "@/lib/simulator/health-api/create-health-api-simulator";
import { parseScenario } from "@/lib/simulator/load-scenario";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { createScenarioRunner, type ScenarioRunner, type StepInfo } from "@/lib/simulator/scenario-runner";

export interface SimulatorStackOptions {
  scenario: Scenario;
  catalog?: RawCatalogEntry[];
  /** Default 127.0.0.1 for both listeners. */
  host?: string;
  /** Default 0 (any free port) for each. */
  publicPort?: number;
  healthPort?: number;
  /** Public documents' latency (the Health API has its slowMs switch). */
  latencyMs?: number;
  now?: () => number;
  /** Everything else the Health API fake takes (org view, switches, access keys, error names…). */
  health?: Omit<HealthApiSimulatorOptions, "scenario" | "runner" | "catalog" | "port" | "host" | "now" | "accountWorld">;
}

export interface SimulatorStack {
  /** The one world both fakes serve: a step moves the public documents and the Health API answers together. */
  runner: ScenarioRunner;
  publicStatus: PublicStatusSimulator;
  healthApi: HealthApiSimulator;
  step(): StepInfo;
  reset(): void;
  close(): Promise<void>;
}

/** The public status site and the Health API, driven by one scenario runner. */
export async function createSimulatorStack(options: SimulatorStackOptions): Promise<SimulatorStack> {
  const scenario = parseScenario(options.scenario, `"${options.scenario.name}"`);
  const catalog = options.catalog ? z.array(rawCatalogEntrySchema).parse(options.catalog) : loadDefaultCatalog();
  const now = options.now ?? Date.now;
  const runner = createScenarioRunner({ scenario, catalog, now });
  const publicStatus = await createPublicStatusSimulator({
    scenario,
    catalog,
    runner,
    now,
    host: options.host,
    port: options.publicPort,
    latencyMs: options.latencyMs,
  });
  let healthApi: HealthApiSimulator;
  try {
    healthApi = await createHealthApiSimulator({ ...options.health, runner, now, host: options.host, port: options.healthPort });
  } catch (error) {
    await publicStatus.close();
    throw error;
  }
  return {
    runner,
    publicStatus,
    healthApi,
    step: runner.step,
    reset: runner.reset,
    close: async () => {
      await Promise.all([publicStatus.close(), healthApi.close()]);
    },
  };
}
