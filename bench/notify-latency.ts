import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { listenWebhookReceiver } from "@/tests/support/notify-receivers";
import { startPublicStack } from "@/tests/support/start-public-stack";

const NAME = "notify-latency";
const GOAL_MS = 1000;
const SECRET = `whsec_${Buffer.alloc(32, 11).toString("base64")}`;
/** Service-regions of the default catalogue; each opens, then resolves: 2 changes, 2 messages each. */
const KEYS = ["ec2-us-east-1", "rds-eu-west-1", "lambda-us-west-2", "dynamodb-eu-central-1", "sqs-ap-southeast-2", "s3-us-east-2", "ecs-eu-north-1", "sns-ap-northeast-1", "elb-sa-east-1", "kinesis-ca-central-1"];
const ROUNDS = 2;

function buildScenario(): Scenario {
  const steps: Scenario["steps"] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    KEYS.forEach((key, index) => {
      const id = `e${round}-${index}`;
      const region = key.split("-").slice(1).join("-");
      steps.push({ label: `open ${key}`, actions: [{ type: "open-event", id, key, region, typeCode: "AWS_BENCH_OPERATIONAL_ISSUE", summary: "Increased error rates", level: 2, message: "We are investigating increased error rates." }] });
      steps.push({ label: `resolve ${key}`, actions: [{ type: "resolve-event", id, message: "The issue has been resolved." }, { type: "expire-event", id }] });
    });
  }
  return { name: "notify-latency", description: "one service-region at a time opens, then resolves and leaves the feed", steps };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not arrive within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Change to message: the simulator changes, a poll is started at once (so the poll wait, measured and subtracted, is
 * about zero), and the clock stops when the Standard Webhooks receiver (real HTTP, signatures verified) has the
 * message. The dispatcher runs as in production: the leader's job, woken by the commit that queued the message (else
 * on its 1 s tick).
 */
export const notifyLatencyBenchmark: Benchmark = {
  name: NAME,
  summary: "simulator change → webhook receiver's receipt, minus the poll wait (goal p99 ≤ 1 s)",
  timeLimitMs: 5 * 60_000,
  async run(cleanup) {
    const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-notify-bench-"));
    cleanup.add("temp dir", () => rmSync(dir, { recursive: true, force: true }));
    const hook = await listenWebhookReceiver(SECRET);
    cleanup.add("webhook receiver", () => hook.close());
    const file = path.join(dir, "notify.json");
    writeFileSync(file, JSON.stringify({ channels: [{ id: "hook", type: "webhook", url: `${hook.url}/in`, secret: "${HOOK_SECRET}" }], rules: [{ channels: ["hook"] }] }));
    const scenario = buildScenario();
    const stack = await startPublicStack({
      scenario,
      env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_PUBLIC_POLL_SECONDS: "3600", HEALTHDECK_RSS_POLL_SECONDS: "3600" },
      notify: { env: { HOOK_SECRET: SECRET } },
    });
    cleanup.add("runtime and simulator", () => stack.close());
    stack.runtime.poller.start();
    await stack.pollAll();

    const latencies: number[] = [];
    const pollWaits: number[] = [];
    type Body = { type: string; data: { event: { key: string } } };
    for (let step = 0; step < scenario.steps.length; step += 1) {
      // Changes come at random moments, not in step with the dispatcher's tick.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
      const before = hook.received.length;
      const key = KEYS[Math.floor(step / 2) % KEYS.length] ?? "";
      const type = step % 2 === 0 ? "event.opened" : "event.resolved";
      const isTheMessage = (index: number) => index >= before && (hook.received[index]?.body as Body | undefined)?.type === type && (hook.received[index]?.body as Body).data.event.key === key;
      stack.simulator.step();
      const changedAt = Date.now();
      const pollStartedAt = Date.now();
      await stack.runtime.poller.runNow("public-currentevents");
      await stack.runtime.poller.runNow("public-rss");
      await waitFor(() => hook.received.some((_, index) => isTheMessage(index)), 15_000, `${type} of ${key}`);
      const receivedAt = hook.received.find((_, index) => isTheMessage(index))?.at ?? Date.now();
      pollWaits.push(pollStartedAt - changedAt);
      latencies.push(receivedAt - changedAt - (pollStartedAt - changedAt));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    if (hook.rejected.length > 0) throw new Error(`the receiver refused ${hook.rejected.length} messages: ${hook.rejected[0]}`);
    printNote(NAME, `${scenario.steps.length} changes (${KEYS.length} service-regions × ${ROUNDS}, open then resolve), ${hook.received.length} messages received, poll wait subtracted p99 ${formatMs(percentile(pollWaits, 99))}`);
    const p99 = percentile(latencies, 99);
    printFigure(NAME, { n: latencies.length, p50: formatMs(percentile(latencies, 50)), p99: formatMs(p99), max: formatMs(Math.max(...latencies)) }, { text: "p99 ≤ 1 s", met: p99 <= GOAL_MS });
  },
};
