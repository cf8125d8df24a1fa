import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import { BENCH_INGEST_TOKEN, buildUniquePush } from "@/bench/support/build-health-pushes";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { percentile } from "@/bench/support/percentile";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";

const NAME = "ingest";
const SENDERS = 20;
const WINDOW_MS = 10_000;
/** GET /api/v1/account/events returns at most this many; a count that reaches it cannot be trusted. */
const LIST_LIMIT = 5000;

const ingestAnswerSchema = z.object({ accepted: z.number(), duplicates: z.number() });
const eventsAnswerSchema = z.object({ events: z.array(z.object({ arn: z.string() })) });

interface SenderTally {
  tag: string;
  requests: number;
  accepted: number;
  failed: number;
  firstError: string | null;
  latencies: number[];
}

/** One sender: POSTs `batch` new events per request, one request at a time, until the window closes. */
async function runSender(url: string, tag: string, batch: number, until: number): Promise<SenderTally> {
  const tally: SenderTally = { tag, requests: 0, accepted: 0, failed: 0, firstError: null, latencies: [] };
  let next = 0;
  while (performance.now() < until) {
    const events = Array.from({ length: batch }, () => buildUniquePush(tag, next++));
    const started = performance.now();
    try {
      const response = await fetch(`${url}/api/v1/ingest/eventbridge`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Healthdeck-Token": BENCH_INGEST_TOKEN },
        body: JSON.stringify(batch === 1 ? events[0] : events),
      });
      const text = await response.text();
      tally.latencies.push(performance.now() - started);
      tally.requests += 1;
      if (response.status >= 200 && response.status < 300) tally.accepted += ingestAnswerSchema.parse(JSON.parse(text)).accepted;
      else {
        tally.failed += 1;
        tally.firstError ??= `HTTP ${response.status}: ${text.slice(0, 200)}`;
      }
    } catch (error) {
      tally.failed += 1;
      tally.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
  return tally;
}

/** Events stored for one sender, counted through the public API (its search matches the sender's ARN suffix). */
async function countStored(url: string, tag: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/account/events?q=${encodeURIComponent(`_BENCH_${tag}_`)}`);
  if (!response.ok) throw new Error(`GET /api/v1/account/events answered ${response.status}`);
  const count = eventsAnswerSchema.parse(await response.json()).events.filter((event) => event.arn.includes(`_BENCH_${tag}_`)).length;
  if (count >= LIST_LIMIT) throw new Error(`sender ${tag} stored ${count} events, at the API's list limit: cannot verify`);
  return count;
}

async function measure(url: string, run: string, batch: number): Promise<void> {
  const label = batch === 1 ? "single" : `array-of-${batch}`;
  const until = performance.now() + WINDOW_MS;
  const started = performance.now();
  const tallies = await Promise.all(Array.from({ length: SENDERS }, (_, sender) => runSender(url, `${run}${label.replace(/-/g, "")}_s${sender}`, batch, until)));
  const seconds = (performance.now() - started) / 1000;
  const accepted = tallies.reduce((sum, tally) => sum + tally.accepted, 0);
  const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
  const latencies = tallies.flatMap((tally) => tally.latencies);
  let stored = 0;
  for (const tally of tallies) {
    const count = await countStored(url, tally.tag);
    if (count !== tally.accepted) throw new Error(`${label}: sender ${tally.tag} had ${tally.accepted} events accepted but ${count} are stored`);
    stored += count;
  }
  printFigure(`${NAME}.${label}`, {
    senders: SENDERS,
    seconds: seconds.toFixed(1),
    requests: latencies.length,
    eventsAccepted: accepted,
    eventsPerSecond: Math.round(accepted / seconds),
    p50: formatMs(percentile(latencies, 50)),
    p99: formatMs(percentile(latencies, 99)),
    failedRequests: failed,
    stored,
  }, { text: "every accepted event stored, no failed request", met: stored === accepted && failed === 0 });
  const firstError = tallies.find((tally) => tally.firstError !== null)?.firstError;
  if (firstError) printNote(NAME, `${label}: first error: ${firstError}`);
}

export const ingestBenchmark: Benchmark = {
  name: NAME,
  summary: `${SENDERS} concurrent senders POST aws.health events to /api/v1/ingest/eventbridge on next start for ${WINDOW_MS / 1000} s, one per request and 10 per request: events/s accepted, latency, all stored`,
  timeLimitMs: 5 * 60_000,
  async run(cleanup) {
    const { simulator } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, {
      label: NAME,
      simulator,
      env: { HEALTHDECK_INGEST_TOKEN: BENCH_INGEST_TOKEN, HEALTHDECK_ACCOUNT_HEALTH: "off", HEALTHDECK_PUBLIC_POLL_SECONDS: "300", HEALTHDECK_RSS_POLL_SECONDS: "600" },
    });
    printNote(NAME, `setup: ${app.url} (next start), events built from AWS's EventBridge samples (tests/fixtures/account-health) with unique ARNs and communication ids; senders in this process, each one request at a time; stored events counted through GET /api/v1/account/events`);
    const run = Date.now().toString(36);
    await measure(app.url, run, 1);
    await measure(app.url, run, 10);
  },
};
