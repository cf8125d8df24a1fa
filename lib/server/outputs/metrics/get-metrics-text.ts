import "server-only";
import type { Server } from "node:http";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { readStreamHubStats } from "@/lib/server/hub/get-stream-hub";
import { HEALTHDECK_VERSION, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { createMetricsRegistry, type MetricsRegistry } from "@/lib/server/outputs/metrics/create-metrics-registry";
import { startMetricsServer } from "@/lib/server/outputs/metrics/start-metrics-server";

// One registry per runtime (its label sets follow the runtime's settings), kept beside it.
const registries = new WeakMap<HealthdeckRuntime, MetricsRegistry>();

export { METRICS_CONTENT_TYPE } from "@/lib/server/outputs/metrics/start-metrics-server";

export function getMetricsText(): Promise<string> {
  const runtime = getRuntime();
  let metrics = registries.get(runtime);
  if (!metrics) {
    metrics = createMetricsRegistry({ runtime, version: HEALTHDECK_VERSION, readStreamStats: readStreamHubStats });
    registries.set(runtime, metrics);
  }
  return metrics.render();
}

const METRICS_SERVER_KEY = Symbol.for("healthdeck.metrics-server");
type MetricsServerHolder = { [METRICS_SERVER_KEY]?: Promise<Server | null> };

/** Starts the HEALTHDECK_METRICS_PORT listener once per process (none when unset). */
export function startMetricsPort(runtime: HealthdeckRuntime): Promise<Server | null> {
  const holder = globalThis as MetricsServerHolder;
  const { HEALTHDECK_METRICS_PORT: port, HEALTHDECK_HOST: host, HEALTHDECK_OUTPUTS_TOKEN: token } = runtime.config;
  holder[METRICS_SERVER_KEY] ??=
    port === undefined
      ? Promise.resolve(null)
      : startMetricsServer({ host, port, token, authContext: getAuthContext(), render: getMetricsText, logger: runtime.logger }).then(
          (server) => {
            runtime.logger.info("metrics listening", { host, port });
            return server;
          },
          (error: unknown) => {
            runtime.logger.error("metrics port could not listen", { port, error: error instanceof Error ? error.message : String(error) });
            return null;
          },
        );
  return holder[METRICS_SERVER_KEY];
}
