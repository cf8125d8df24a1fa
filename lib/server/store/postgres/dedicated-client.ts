import pg from "pg";
import { computeBackoffDelay } from "@/lib/server/http/compute-backoff-delay";

export interface DedicatedClientOptions {
  connectionString: string;
  ssl?: pg.ClientConfig["ssl"];
  /** Shown in pg_stat_activity, so operators and tests can find the connection. */
  applicationName: string;
  /** Bounds connecting and every query; a server or network that hangs longer counts as lost. */
  queryTimeoutMs: number;
}

/**
 * Opens a long-lived connection of its own (a session lock or LISTEN must not share a pool, and must not go
 * through a transaction-mode pooler). Once connected, `onLost` is called once, synchronously, when the
 * connection errors or ends.
 */
export async function connectDedicatedClient(
  options: DedicatedClientOptions,
  onLost: (client: pg.Client, reason: string) => void,
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: options.connectionString,
    ssl: options.ssl,
    application_name: options.applicationName,
    connectionTimeoutMillis: options.queryTimeoutMs,
    query_timeout: options.queryTimeoutMs,
    statement_timeout: options.queryTimeoutMs,
    keepAlive: true,
  });
  let isArmed = false;
  const lose = (reason: string) => {
    if (!isArmed) return;
    isArmed = false;
    onLost(client, reason);
  };
  // Always listening: pg emits 'error' on an idle client, and an unhandled 'error' would crash the process.
  client.on("error", (error: Error) => lose(error.message));
  client.on("end", () => lose("connection ended"));
  try {
    await client.connect();
  } catch (error) {
    destroyClient(client);
    throw error;
  }
  isArmed = true;
  return client;
}

// pg keeps its socket on `connection.stream`, which its types omit; end() alone would wait on a hung network.
function socketOf(client: pg.Client): { destroy(): void } | undefined {
  return (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
}

/** Drops the connection at once; the server ends the backend (and its session locks) when it sees EOF. */
export function destroyClient(client: pg.Client): void {
  client.end().catch(() => {});
  socketOf(client)?.destroy();
}

/** Ends politely (Terminate message) within `timeoutMs`, then drops the socket regardless. */
export async function closeClient(client: pg.Client, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  socketOf(client)?.destroy();
}

/** Delay before reconnect attempt `failures` (1, 2, …): jittered, at least 50 ms, at most `capMs`. */
export function reconnectDelay(failures: number, capMs: number): number {
  return Math.max(50, computeBackoffDelay(Math.max(0, failures - 1), 200, Math.random, capMs));
}
