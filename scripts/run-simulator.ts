import { parseArgs } from "node:util";
import { z } from "zod";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { loadScenario } from "@/lib/simulator/load-scenario";

/**
 * Runs the fake AWS public status site for the demo and e2e tests:
 *   npx tsx scripts/run-simulator.ts --port 4010 --scenario demo-incident --step-every 20
 * After the last step it resets and replays the scenario from the start.
 */

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(4010),
  host: z.string().default("127.0.0.1"),
  scenario: z.string().min(1).default("demo-incident"),
  "step-every": z.coerce.number().min(0).default(0),
  "initial-steps": z.coerce.number().int().min(0).default(0),
  latency: z.coerce.number().int().min(0).default(0),
});

function readArgs() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      scenario: { type: "string" },
      "step-every": { type: "string" },
      "initial-steps": { type: "string" },
      latency: { type: "string" },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`run-simulator: ${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  return parsed.data;
}

function stepLooping(simulator: PublicStatusSimulator): void {
  let info = simulator.step();
  if (!info.applied) {
    simulator.reset();
    info = simulator.step();
  }
  if (info.applied) console.log(`[simulator] step ${info.index + 1}/${info.total}: ${info.label ?? "(no label)"}`);
}

async function main(): Promise<void> {
  const args = readArgs();
  const scenario = await loadScenario(args.scenario);
  const simulator = await createPublicStatusSimulator({ port: args.port, host: args.host, scenario, latencyMs: args.latency });
  for (let i = 0; i < args["initial-steps"]; i += 1) stepLooping(simulator);

  console.log(`Healthdeck public status simulator: scenario ${scenario.name} (${scenario.steps.length} steps)`);
  console.log(`  base           ${simulator.url}`);
  console.log(`  currentevents  ${simulator.currentEventsUrl}`);
  console.log(`  rss            ${simulator.rssBaseUrl}all.rss  (and ${simulator.rssBaseUrl}<key>.rss)`);
  console.log(`  catalog        ${simulator.catalogUrl}`);
  console.log(`  control        POST ${simulator.url}/__sim/step | reset | fault | stats/reset, GET ${simulator.url}/__sim/state`);
  console.log(args["step-every"] > 0 ? `  auto-step      every ${args["step-every"]} s, looping` : "  auto-step      off");

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      stepLooping(simulator);
      schedule();
    }, args["step-every"] * 1000);
  };
  if (args["step-every"] > 0) schedule();

  const stop = () => {
    clearTimeout(timer);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`run-simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
