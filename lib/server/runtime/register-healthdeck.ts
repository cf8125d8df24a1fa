import { startHealthdeck } from "@/lib/server/runtime/get-runtime";
import { startOrExit } from "@/lib/server/runtime/start-or-exit";
import { closeStreamHub } from "@/lib/server/hub/get-stream-hub";

const SHUTDOWN_KEY = Symbol.for("healthdeck.shutdown-hooked");
type ShutdownHolder = { [SHUTDOWN_KEY]?: boolean };

/**
 * Starts the poller once per process and stops it, then closes the database, on SIGTERM/SIGINT. Fails fast: settings
 * it cannot read or a database it cannot open stop the process with a message instead of serving errors.
 */
export async function registerHealthdeck(): Promise<void> {
  const runtime = await startOrExit({
    start: startHealthdeck,
    exit: (code) => process.exit(code),
    writeError: (line) => process.stderr.write(`${line}\n`),
  });
  if (runtime === null) return;
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
