import { ConfigError } from "@/lib/server/config/load-config";
import { startHealthdeck } from "@/lib/server/runtime/get-runtime";
import { closeStreamHub } from "@/lib/server/hub/get-stream-hub";
import { startMetricsPort } from "@/lib/server/outputs/metrics/get-metrics-text";

const SHUTDOWN_KEY = Symbol.for("healthdeck.shutdown-hooked");
type ShutdownHolder = { [SHUTDOWN_KEY]?: boolean };

/** Starts the poller once per process and stops it, then closes the database, on SIGTERM/SIGINT. */
export function registerHealthdeck(): void {
  let runtime;
  try {
    runtime = startHealthdeck();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Fail fast: a dashboard running on settings it could not read would show wrong data.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  void startMetricsPort(runtime);
  const holder = globalThis as ShutdownHolder;
  if (holder[SHUTDOWN_KEY]) return;
  holder[SHUTDOWN_KEY] = true;
  const shutdown = (signal: string) => {
    runtime.logger.info("shutting down", { signal });
    // Open streams first: Next waits for every open response before it exits.
    closeStreamHub();
    void runtime.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}
