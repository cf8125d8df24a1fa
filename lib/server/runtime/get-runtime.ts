import "server-only";
import { getConfig } from "@/lib/server/config/load-config";
import { createLogger } from "@/lib/server/logging/create-logger";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

// Route handlers and instrumentation are separate bundles: one process-wide instance lives on globalThis.
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
type RuntimeHolder = { [RUNTIME_KEY]?: HealthdeckRuntime };

export function getRuntime(): HealthdeckRuntime {
  const holder = globalThis as RuntimeHolder;
  if (!holder[RUNTIME_KEY]) {
    const config = getConfig();
    const logger = createLogger();
    const store = openHealthdeckStore({
      dataDir: config.HEALTHDECK_DATA_DIR,
      databaseUrl: config.HEALTHDECK_DATABASE_URL,
      poolSize: config.HEALTHDECK_DATABASE_POOL_SIZE,
      leaderRetryMs: config.HEALTHDECK_LEADER_RETRY_SECONDS * 1000,
      canLead: config.HEALTHDECK_POLLER === "on",
      logger,
    });
    holder[RUNTIME_KEY] = createHealthdeckRuntime({ config, store, logger });
  }
  return holder[RUNTIME_KEY];
}

/** Idempotent: hot reloads and repeated register() calls never stack a second poller. */
export function startHealthdeck(): HealthdeckRuntime {
  const runtime = getRuntime();
  if (runtime.config.HEALTHDECK_POLLER === "on") {
    runtime.followLeadership();
    runtime.logger.info("poller ready", {
      publicPollSeconds: runtime.config.HEALTHDECK_PUBLIC_POLL_SECONDS,
      rssPollSeconds: runtime.config.HEALTHDECK_RSS_POLL_SECONDS,
      simulated: runtime.config.HEALTHDECK_SIMULATED,
    });
  }
  return runtime;
}
