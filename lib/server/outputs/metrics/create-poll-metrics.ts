import { Counter, Histogram, type Registry } from "prom-client";
import type { SourceCycleReport } from "@/lib/server/poller/create-source-job";
import type { AccountHealthReport } from "@/lib/server/sources/account-health/record-account-health-cycle";

/** Bounded label values: anything else a report carries is counted as "other". */
const FAILURE_REASONS = new Set(["http", "parse", "network", "timeout", "too-large", "redirect", "error", "unavailable", "disabled", "other"]);
const OPERATION_PATTERN = /^[A-Z][A-Za-z]{2,60}$/;

/**
 * What only this process sees happen (poll cycles, Health API calls): counters fed by the poller's reports.
 * They live as long as the runtime; on a follower they stay at zero (it does not poll).
 */
export interface PollMetrics {
  recordSourceCycle(report: SourceCycleReport): void;
  recordAccountCycle(report: Pick<AccountHealthReport, "sourceId" | "state" | "durationMs" | "calls">): void;
  registerOn(registry: Registry): void;
}

export function createPollMetrics(): PollMetrics {
  const errors = new Counter({
    name: "healthdeck_source_poll_errors_total",
    help: "Failed poll cycles of a source, by reason (an upstream error kind, parse, timeout, error, unavailable, other).",
    labelNames: ["source", "reason"] as const,
    registers: [],
  });
  const cycles = new Counter({
    name: "healthdeck_source_polls_total",
    help: "Poll cycles of a source run by this process, failed or not.",
    labelNames: ["source"] as const,
    registers: [],
  });
  const duration = new Histogram({
    name: "healthdeck_source_poll_duration_seconds",
    help: "Duration of a source's poll cycle in seconds.",
    labelNames: ["source"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [],
  });
  const apiCalls = new Counter({
    name: "healthdeck_health_api_calls_total",
    help: "AWS Health API calls made by this process, by operation (SDK retries inside a call not counted).",
    labelNames: ["operation"] as const,
    registers: [],
  });

  const boundedReason = (reason: string) => (FAILURE_REASONS.has(reason) ? reason : "other");

  return {
    recordSourceCycle(report) {
      cycles.inc({ source: report.sourceId });
      duration.observe({ source: report.sourceId }, report.durationMs / 1000);
      if (!report.ok) errors.inc({ source: report.sourceId, reason: boundedReason(report.failureReason ?? "other") });
    },
    recordAccountCycle(report) {
      cycles.inc({ source: report.sourceId });
      duration.observe({ source: report.sourceId }, report.durationMs / 1000);
      if (report.state === "error" || report.state === "unavailable") errors.inc({ source: report.sourceId, reason: report.state });
      for (const [operation, count] of Object.entries(report.calls)) {
        if (count > 0) apiCalls.inc({ operation: OPERATION_PATTERN.test(operation) ? operation : "other" }, count);
      }
    },
    registerOn(registry) {
      registry.registerMetric(errors);
      registry.registerMetric(cycles);
      registry.registerMetric(duration);
      registry.registerMetric(apiCalls);
    },
  };
}
