import { parseArgs } from "node:util";
import { z } from "zod";
import { carryOverAccountEvents } from "@/lib/simulator/carry-over-account-events";
import { createSimulatorStack, type SimulatorStack } from "@/lib/simulator/create-simulator-stack";
import { ORG_VIEW_STATUSES } from "@/lib/simulator/health-api/org-view-control";
import { buildHealthApiAppEnv } from "@/lib/simulator/health-api/simulator-app-env";
import { loadScenario } from "@/lib/simulator/load-scenario";

/**
 * Runs the fake AWS upstreams for the demo and e2e tests, driven by one scenario and one step timer:
 * the public status site and the AWS Health API (awsJson1_1).
 *   npx tsx scripts/run-simulator.ts --port 4010 --scenario demo-incident --step-every 20
 * The Health API listens on --health-port (default: --port + 1). After the last step it resets and replays; the
 * previous loop's account events stay, closed, so the app sees them end.
 */

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(4010),
  host: z.string().default("127.0.0.1"),
  scenario: z.string().min(1).default("demo-incident"),
  "step-every": z.coerce.number().min(0).default(0),
  "initial-steps": z.coerce.number().int().min(0).default(0),
  latency: z.coerce.number().int().min(0).default(0),
  "health-port": z.coerce.number().int().min(0).max(65_535).optional(),
  "org-view": z.enum(["enabled", "disabled", "pending"]).default("enabled"),
  /** Seconds until a PENDING org view becomes ENABLED, or "step" (the next scenario step). */
  "org-enable-delay": z.union([z.literal("step"), z.coerce.number().min(0)]).optional(),
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
      "health-port": { type: "string" },
      "org-view": { type: "string" },
      "org-enable-delay": { type: "string" },
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

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EADDRINUSE";
}

function stepLooping(stack: SimulatorStack): void {
  let info = stack.step();
  if (!info.applied) {
    const previous = stack.runner.world().account;
    stack.reset();
    carryOverAccountEvents(previous, stack.runner.world().account, Date.now());
    info = stack.step();
  }
  if (info.applied) console.log(`[simulator] step ${info.index + 1}/${info.total}: ${info.label ?? "(no label)"}`);
}

async function main(): Promise<void> {
  const args = readArgs();
  const scenario = await loadScenario(args.scenario);
  const delay = args["org-enable-delay"] ?? (args["step-every"] > 0 ? "step" : 10);
  const start = (healthPort: number) =>
    createSimulatorStack({
      scenario,
      host: args.host,
      publicPort: args.port,
      healthPort,
      latencyMs: args.latency,
      health: {
        orgView: ORG_VIEW_STATUSES.find((status) => status === args["org-view"].toUpperCase()),
        orgEnableDelay: delay === "step" ? "step" : delay * 1000,
      },
    });
  const stack = await start(args["health-port"] ?? (args.port === 0 ? 0 : args.port + 1)).catch((error: unknown) => {
    // Only the implicit port+1 may move: several simulators share one port range in the benchmarks.
    if (args["health-port"] !== undefined || !isAddressInUse(error)) throw error;
    return start(0);
  });
  for (let i = 0; i < args["initial-steps"]; i += 1) stepLooping(stack);
  const { publicStatus: simulator, healthApi } = stack;
  const accounts = healthApi
    .world()
    .accounts.map((account) => `${account.id} ${account.name}${account.management ? " (management)" : ""}${account.supportPlan ? "" : " (no support plan)"}`);

  console.log(`Healthdeck simulator: scenario ${scenario.name} (${scenario.steps.length} steps)`);
  console.log(`  base           ${simulator.url}`);
  console.log(`  currentevents  ${simulator.currentEventsUrl}`);
  console.log(`  rss            ${simulator.rssBaseUrl}all.rss  (and ${simulator.rssBaseUrl}<key>.rss)`);
  console.log(`  catalog        ${simulator.catalogUrl}`);
  console.log(`  control        POST ${simulator.url}/__sim/step | reset | fault | stats/reset, GET ${simulator.url}/__sim/state`);
  console.log(`  health api     ${healthApi.url}  (AWS Health awsJson1_1; org view ${healthApi.orgView.status()}; accounts: ${accounts.join(", ")})`);
  console.log(`  sns            ${healthApi.url}  (Publish; topic arn:aws:sns:us-east-1:<account>:healthdeck-notifications; GET ${healthApi.url}/__sim/sns/messages)`);
  const appEnv = Object.entries(buildHealthApiAppEnv(healthApi.url)).map(([name, value]) => `${name}=${value}`);
  console.log(`  app env        ${appEnv.join(" ")}`);
  console.log(`  health control POST ${healthApi.url}/__sim/health/switch | org-view | step | reset | stats/reset, GET ${healthApi.url}/__sim/health/state | stats`);
  console.log(args["step-every"] > 0 ? `  auto-step      every ${args["step-every"]} s, looping` : "  auto-step      off");

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      stepLooping(stack);
      schedule();
    }, args["step-every"] * 1000);
  };
  if (args["step-every"] > 0) schedule();

  const stop = () => {
    clearTimeout(timer);
    stack.close().then(
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
