import { availableParallelism, loadavg } from "node:os";
import type { Benchmark } from "@/bench/support/benchmark";
import { createCleanupStack, runOpenCleanupStacks } from "@/bench/support/cleanup-stack";
import { accountSyncBenchmark } from "@/bench/account-sync";
import { entityTableBenchmark } from "@/bench/entity-table";
import { fanOutBenchmark } from "@/bench/fan-out";
import { firstLoadJsBenchmark } from "@/bench/first-load-js";
import { ingestBenchmark } from "@/bench/ingest";
import { lighthouseBenchmark } from "@/bench/lighthouse";
import { longFramesBenchmark } from "@/bench/long-frames";
import { nocChangeToScreenBenchmark } from "@/bench/noc-change-to-screen";
import { nocEnduranceBenchmark } from "@/bench/noc-endurance";
import { nocLighthouseBenchmark } from "@/bench/noc-lighthouse";
import { notifyChannelsBenchmark } from "@/bench/notify-channels";
import { pollCycleBenchmark } from "@/bench/poll-cycle";
import { statusApiBenchmark } from "@/bench/status-api";
import { viewersBenchmark } from "@/bench/viewers";
import { journalReadBenchmark } from "@/bench/journal-read";
import { metricsBenchmark } from "@/bench/metrics";
import { replicasBenchmark } from "@/bench/replicas";
import { storeCostBenchmark } from "@/bench/store-cost";
import { notifyLatencyBenchmark } from "@/bench/notify-latency";
import { notifyVsAhaBenchmark } from "@/bench/notify-vs-aha";
import { notifyStormBenchmark } from "@/bench/notify-storm";
import { authCostBenchmark } from "@/bench/auth-cost";
import { exposedKeyLookupBenchmark } from "@/bench/exposed-key-lookup";

/**
 * `npm run bench` runs every benchmark in order; `npm run bench -- <name> [<name>…]` runs some.
 * Benchmarks print figures and goals; a missed goal never fails the run, only a benchmark that could not measure.
 */
const BENCHMARKS: readonly Benchmark[] = [pollCycleBenchmark, statusApiBenchmark, viewersBenchmark, fanOutBenchmark, firstLoadJsBenchmark, lighthouseBenchmark, longFramesBenchmark, nocChangeToScreenBenchmark, nocEnduranceBenchmark, nocLighthouseBenchmark, accountSyncBenchmark, entityTableBenchmark, ingestBenchmark, replicasBenchmark, storeCostBenchmark, journalReadBenchmark, notifyLatencyBenchmark, notifyVsAhaBenchmark, notifyChannelsBenchmark, notifyStormBenchmark, authCostBenchmark, metricsBenchmark, exposedKeyLookupBenchmark];

function selectBenchmarks(names: string[]): Benchmark[] {
  if (names.length === 0) return [...BENCHMARKS];
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(", ")}; choose from: ${BENCHMARKS.map((benchmark) => benchmark.name).join(", ")}`);
    process.exit(2);
  }
  return BENCHMARKS.filter((benchmark) => names.includes(benchmark.name));
}

async function runWithTimeLimit(benchmark: Benchmark, work: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`time limit of ${benchmark.timeLimitMs / 1000} s exceeded`)), benchmark.timeLimitMs);
  });
  try {
    await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const selected = selectBenchmarks(process.argv.slice(2).filter((arg) => arg !== "--"));
  const started = performance.now();
  let failed = 0;
  for (const benchmark of selected) {
    console.log(`\n== ${benchmark.name}: ${benchmark.summary}`);
    // Figures on a shared 2-core machine swing with its load; print it beside them.
    console.log(`${benchmark.name}: machine: node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
    const cleanup = createCleanupStack();
    const benchStarted = performance.now();
    try {
      await runWithTimeLimit(benchmark, benchmark.run(cleanup));
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      console.log(`${benchmark.name}: FAILED: ${message.length > 2000 ? `${message.slice(0, 2000)}…` : message}`);
    } finally {
      await cleanup.run();
    }
    console.log(`${benchmark.name}: took ${Math.round((performance.now() - benchStarted) / 1000)} s`);
  }
  console.log(`\nbench: ${selected.length - failed}/${selected.length} benchmarks measured in ${Math.round((performance.now() - started) / 1000)} s`);
  return failed > 0 ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`\nbench: ${signal}, stopping what was started…`);
    void runOpenCleanupStacks().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    await runOpenCleanupStacks();
    process.exit(1);
  },
);
