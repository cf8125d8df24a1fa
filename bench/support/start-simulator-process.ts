import path from "node:path";
import { z } from "zod";
import { CATALOG_PATH, CURRENT_EVENTS_PATH, RSS_PREFIX } from "@/lib/simulator/simulated-documents";
import type { SimulatorStats } from "@/lib/simulator/simulator-stats";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { REPORTS_DIR, REPO_ROOT } from "@/bench/support/ensure-build";
import { SIMULATOR_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";
import { spawnTracked } from "@/bench/support/spawn-tracked";
import { withTimeout } from "@/bench/support/with-timeout";
import { DEMO_SCENARIO, DEMO_STEPS } from "@/bench/support/start-demo-simulator";

const stateSchema = z.object({
  scenario: z.string(),
  stepIndex: z.number(),
  stepCount: z.number(),
  stats: z.object({ requests: z.number(), bytes: z.number(), byPath: z.record(z.string(), z.number()), notModified: z.number() }),
});

export interface SimulatorProcess {
  url: string;
  currentEventsUrl: string;
  rssBaseUrl: string;
  catalogUrl: string;
  description: string;
  stats(): Promise<SimulatorStats>;
  resetStats(): Promise<void>;
}

async function control(url: string, method: "GET" | "POST"): Promise<z.infer<typeof stateSchema>> {
  const call = async () => {
    const response = await fetch(url, { method, signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}`);
    return stateSchema.parse(await response.json());
  };
  return withTimeout(call(), 6000, `${method} ${url}`);
}

/**
 * scripts/run-simulator.ts in its own process (so the benchmark's own load never slows the upstream down),
 * demo scenario stepped to mid-incident, no auto-stepping; driven through its /__sim/ control routes.
 */
export async function startSimulatorProcess(cleanup: CleanupStack, label: string): Promise<SimulatorProcess> {
  const port = await findFreePort(SIMULATOR_PORT_RANGE);
  const url = `http://127.0.0.1:${port}`;
  const child = spawnTracked(
    `simulator (${label})`,
    process.execPath,
    ["--import", "tsx", "scripts/run-simulator.ts", "--port", String(port), "--scenario", DEMO_SCENARIO, "--initial-steps", String(DEMO_STEPS), "--step-every", "0"],
    { cwd: REPO_ROOT, env: process.env, logPath: path.join(REPORTS_DIR, `bench-simulator-${label}.log`) },
  );
  cleanup.add("simulator process", () => child.stop());
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!child.isAlive()) throw new Error(`${child.label} exited:\n${child.logTail()}`);
    try {
      const state = await control(`${url}/__sim/state`, "GET");
      return {
        url,
        currentEventsUrl: `${url}${CURRENT_EVENTS_PATH}`,
        rssBaseUrl: `${url}${RSS_PREFIX}`,
        catalogUrl: `${url}${CATALOG_PATH}`,
        description: `simulator process ${url} scenario ${state.scenario} at step ${state.stepIndex + 1}/${state.stepCount}, default catalogue, no stepping during the benchmark`,
        stats: async () => (await control(`${url}/__sim/state`, "GET")).stats,
        resetStats: async () => {
          await control(`${url}/__sim/stats/reset`, "POST");
        },
      };
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${child.label} did not answer within 30 s: ${error instanceof Error ? error.message : String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
