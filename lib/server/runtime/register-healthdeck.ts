import { startHealthdeck } from "@/lib/server/runtime/get-runtime";
import { startOrExit } from "@/lib/server/runtime/start-or-exit";
import { closeStreamHub } from "@/lib/server/hub/get-stream-hub";
import { checkAuthNoneHost, resolveListenHost } from "@/lib/server/auth/listen-host";
import { stampPeerAddress } from "@/lib/server/edge/stamp-peer-address";
import { startIngestServer, type IngestServer } from "@/lib/server/ingest/start-ingest-server";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { startMetricsPort } from "@/lib/server/outputs/metrics/get-metrics-text";

const SHUTDOWN_KEY = Symbol.for("healthdeck.shutdown-hooked");
type ShutdownHolder = { [SHUTDOWN_KEY]?: boolean };

/**
 * Starts the poller once per process and stops it, then closes the database, on SIGTERM/SIGINT. Fails fast: settings
 * it cannot read, a database it cannot open, or `HEALTHDECK_AUTH=none` on a non-loopback address stop the process
 * with a message instead of serving errors.
 */
export async function registerHealthdeck(): Promise<void> {
  // Before any request: proxy mode and the per-client limits trust only addresses this process stamped itself.
  stampPeerAddress();
  const refusal = checkAuthNoneHost(process.env.HEALTHDECK_AUTH?.trim() || "none", resolveListenHost(process.argv, process.env));
  if (refusal !== null) {
    process.stderr.write(`${refusal}\n`);
    process.exit(1);
  }
  const runtime = await startOrExit({
    start: startHealthdeck,
    exit: (code) => process.exit(code),
    writeError: (line) => process.stderr.write(`${line}\n`),
  });
  if (runtime === null) return;
  void startMetricsPort(runtime);
  const holder = globalThis as ShutdownHolder;
  if (holder[SHUTDOWN_KEY]) return;
  holder[SHUTDOWN_KEY] = true;
  const ingest = await startIngestPort(runtime);
  const shutdown = (signal: string) => {
    runtime.logger.info("shutting down", { signal });
    // Open streams first: Next waits for every open response before it exits.
    closeStreamHub();
    void Promise.all([ingest?.close(), runtime.close()]).finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

/** HEALTHDECK_INGEST_PORT: the ingest's own listener; a port it cannot take stops the process like a database would. */
async function startIngestPort(runtime: HealthdeckRuntime): Promise<IngestServer | null> {
  const { config } = runtime;
  if (config.HEALTHDECK_INGEST_PORT === undefined) return null;
  try {
    const server = await startIngestServer({
      port: config.HEALTHDECK_INGEST_PORT,
      host: config.HEALTHDECK_INGEST_HOST,
      deps: { store: runtime.store, config, now: runtime.now, logger: runtime.logger },
    });
    runtime.logger.info("eventbridge ingest listening on its own port", { host: config.HEALTHDECK_INGEST_HOST, port: server.port });
    return server;
  } catch (error) {
    process.stderr.write(
      `Healthdeck cannot start: cannot listen on HEALTHDECK_INGEST_PORT=${config.HEALTHDECK_INGEST_PORT}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
