import { ConfigError } from "@/lib/server/config/load-config";
import { redactLogLine } from "@/lib/server/logging/create-logger";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";

export interface StartOrExitDeps {
  start(): HealthdeckRuntime;
  exit(code: number): void;
  writeError(line: string): void;
  /** how long the database may take to answer at start-up (PostgreSQL connects and migrates in the background) */
  timeoutMs?: number;
}

const DEFAULT_OPEN_TIMEOUT_MS = 60_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts Healthdeck, or stops the process with one clear line: on settings it cannot read, or a database it cannot
 * open, it would only serve errors (and a load balancer might keep sending users to it). Resolves with the runtime
 * once the database answered; returns null after asking to exit.
 */
export async function startOrExit(deps: StartOrExitDeps): Promise<HealthdeckRuntime | null> {
  let runtime: HealthdeckRuntime;
  try {
    runtime = deps.start();
  } catch (error) {
    deps.writeError(redactLogLine(error instanceof ConfigError ? error.message : `Healthdeck cannot start: cannot open the database: ${describe(error)}`));
    deps.exit(1);
    return null;
  }
  const timeoutMs = deps.timeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    await Promise.race([runtime.store.ping(), timeout]);
    return runtime;
  } catch (error) {
    const where = runtime.config.HEALTHDECK_DATABASE_URL ? "PostgreSQL (HEALTHDECK_DATABASE_URL)" : `the database in ${runtime.config.HEALTHDECK_DATA_DIR}`;
    runtime.logger.error("cannot open the database at start-up", { error: describe(error) });
    deps.writeError(redactLogLine(`Healthdeck cannot start: cannot open ${where}: ${describe(error)}`));
    deps.exit(1);
    return null;
  } finally {
    clearTimeout(timer);
  }
}
