import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { loadScenario } from "@/lib/simulator/load-scenario";
import { createMetricsRegistry } from "@/lib/server/outputs/metrics/create-metrics-registry";
import { HEALTHDECK_VERSION } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { startPublicStack } from "@/tests/support/start-public-stack";
import type { Benchmark } from "@/bench/support/benchmark";
import { DEMO_SCENARIO, DEMO_STEPS } from "@/bench/support/start-demo-simulator";
import { formatBytes, formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";

const NAME = "metrics";
const ACCOUNT_EVENTS = 2_000;
const SCRAPES = 60;
const CHANGE_EVERY = 10;
const P99_GOAL_MS = 50;
const SIZE_GOAL_BYTES = 200 * 1024;
const CATEGORIES = ["issue", "scheduledChange", "accountNotification"] as const;
const SERVICES = ["EC2", "RDS", "LAMBDA", "S3", "EKS", "ELASTICLOADBALANCING", "DYNAMODB", "IAM"] as const;
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", null] as const;

/** A generated account event: categories, services, regions and 20 accounts in rotation; one in 200 a security event. */
export function metricsBenchAccountEvent(index: number, nowMs: number): AccountEventRecord {
  const category = CATEGORIES[index % CATEGORIES.length] ?? "issue";
  const service = SERVICES[index % SERVICES.length] ?? "EC2";
  const typeCode = index % 200 === 0 ? "AWS_RISK_CREDENTIALS_EXPOSED" : `AWS_${service}_${category === "scheduledChange" ? "MAINTENANCE_SCHEDULED" : "OPERATIONAL_ISSUE"}`;
  return {
    arn: `arn:aws:health:us-east-1::event/${service}/${typeCode}/${typeCode}_${index}`,
    accountId: String(100_000_000_000 + (index % 20)),
    service,
    eventTypeCode: typeCode,
    category,
    region: REGIONS[index % REGIONS.length] ?? null,
    availabilityZone: null,
    status: category === "scheduledChange" ? (index % 4 === 0 ? "closed" : "upcoming") : index % 3 === 0 ? "open" : "closed",
    scope: "ACCOUNT_SPECIFIC",
    startTime: nowMs + ((index % 50) - 10) * 3_600_000,
    endTime: null,
    lastUpdatedTime: nowMs - index * 1000,
    description: `Generated event ${index}.`,
    metadata: null,
    actionability: null,
    personas: null,
    origin: "api",
  };
}

export const metricsBenchmark: Benchmark = {
  name: NAME,
  summary: `GET /metrics with the full catalogue and ${ACCOUNT_EVENTS.toLocaleString("en")} account events, 1 scrape/s for ${SCRAPES} s (a store change every ${CHANGE_EVERY} s)`,
  timeLimitMs: 4 * 60_000,
  async run(cleanup) {
    const stack = await startPublicStack({ scenario: await loadScenario(DEMO_SCENARIO) });
    cleanup.add("public stack", () => stack.close());
    for (let step = 0; step < DEMO_STEPS; step += 1) stack.simulator.step();
    await stack.pollAll();
    const now = stack.runtime.now();
    await stack.runtime.store.write((tx) => tx.accountEvents.upsertEvents(Array.from({ length: ACCOUNT_EVENTS }, (_, index) => metricsBenchAccountEvent(index, now)), now));
    // The registry get-metrics-text.ts builds for the route, without its `server-only` wrapper (tsx is no React
    // server bundle) and with no stream hub in this process: the same reads of the store as in production.
    const metrics = createMetricsRegistry({ runtime: stack.runtime, version: HEALTHDECK_VERSION, readStreamStats: () => null });
    const server = await listenFetchHandler(async () => new Response(await metrics.render(), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" } }));
    cleanup.add("metrics server", () => server.close());
    const services = (await stack.status()).services.length;
    printNote(NAME, `setup: simulator ${DEMO_SCENARIO} at step ${DEMO_STEPS}, ${services} services, ${ACCOUNT_EVENTS} account events in a temp SQLite store; the route's registry served by node:http in this process (${server.url}/metrics)`);

    const timings: number[] = [];
    const afterChange: number[] = [];
    let bytes = 0;
    let series = 0;
    for (let scrape = 0; scrape < SCRAPES; scrape += 1) {
      const isAfterChange = scrape % CHANGE_EVERY === 0;
      if (isAfterChange && scrape > 0) {
        const at = stack.runtime.now();
        await stack.runtime.store.write((tx) => tx.accountEvents.upsertEvents([{ ...metricsBenchAccountEvent(scrape, now), lastUpdatedTime: at, description: `Changed at scrape ${scrape}.` }], at));
      }
      const started = performance.now();
      const response = await fetch(`${server.url}/metrics`);
      const text = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
      timings.push(elapsed);
      if (isAfterChange) afterChange.push(elapsed);
      bytes = Buffer.byteLength(text);
      series = text.split("\n").filter((line) => line !== "" && !line.startsWith("#")).length;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - elapsed)));
    }
    printFigure(`${NAME}.scrape`, { scrapes: timings.length, p50: formatMs(percentile(timings, 50)), p99: formatMs(percentile(timings, 99)), max: formatMs(Math.max(...timings)) }, { text: `p99 ≤ ${P99_GOAL_MS} ms`, met: percentile(timings, 99) <= P99_GOAL_MS });
    printFigure(`${NAME}.scrape-after-store-change`, { scrapes: afterChange.length, p50: formatMs(percentile(afterChange, 50)), max: formatMs(Math.max(...afterChange)) });
    printFigure(`${NAME}.size`, { bytes: formatBytes(bytes), series }, { text: `≤ ${formatBytes(SIZE_GOAL_BYTES)}`, met: bytes <= SIZE_GOAL_BYTES });
  },
};
