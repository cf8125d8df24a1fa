import "server-only";
import { EMPTY_STATUS_FILTER } from "@/lib/shared/status-filter";
import { readStreamHubStats } from "@/lib/server/hub/get-stream-hub";
import { HEALTHDECK_VERSION, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { getPublicStatus } from "@/lib/server/services/get-public-status";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { createMetricsRegistry, type MetricsRegistry } from "@/lib/server/outputs/metrics/create-metrics-registry";

// One registry per runtime (its label sets follow the runtime's settings), kept beside it.
const registries = new WeakMap<HealthdeckRuntime, MetricsRegistry>();

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export function getMetricsText(): Promise<string> {
  const runtime = getRuntime();
  let metrics = registries.get(runtime);
  if (!metrics) {
    metrics = createMetricsRegistry({
      runtime,
      version: HEALTHDECK_VERSION,
      readBoard: () => getPublicStatus(EMPTY_STATUS_FILTER),
      readSources: (nowMs) => listSourceHealth(runtime, nowMs),
      readStreamStats: readStreamHubStats,
    });
    registries.set(runtime, metrics);
  }
  return metrics.render();
}
