import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { loadScenario } from "@/lib/simulator/load-scenario";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { SIMULATOR_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";

export const DEMO_SCENARIO = "demo-incident";
/** Mid-incident: four open events (one multi-service), with AWS's full catalogue of ~5,800 services. */
export const DEMO_STEPS = 5;

export interface DemoSimulator {
  simulator: PublicStatusSimulator;
  description: string;
}

/** The demo scenario in this process on a port in 4200-4299, stepped to mid-incident and then left still. */
export async function startDemoSimulator(cleanup: CleanupStack, options: { latencyMs?: number } = {}): Promise<DemoSimulator> {
  const scenario = await loadScenario(DEMO_SCENARIO);
  const port = await findFreePort(SIMULATOR_PORT_RANGE);
  const simulator = await createPublicStatusSimulator({ scenario, port, latencyMs: options.latencyMs });
  cleanup.add("simulator", () => simulator.close());
  let label: string | null = null;
  for (let i = 0; i < DEMO_STEPS; i += 1) label = simulator.step().label;
  return {
    simulator,
    description: `simulator ${simulator.url} scenario ${DEMO_SCENARIO} at step ${DEMO_STEPS}/${scenario.steps.length} ("${label ?? ""}"), default catalogue, no stepping during the benchmark`,
  };
}
