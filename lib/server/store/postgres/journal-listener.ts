import type pg from "pg";
import { silentLogger, type Logger } from "@/lib/server/logging/create-logger";
import { closeClient, connectDedicatedClient, destroyClient, reconnectDelay } from "@/lib/server/store/postgres/dedicated-client";

export const JOURNAL_CHANNEL = "healthdeck_journal";
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface JournalListenerOptions {
  connectionString: string;
  ssl?: pg.ClientConfig["ssl"];
  channel?: string;
  onNotify(payload: string): void;
  /**
   * Called after every LISTEN, the first included. NOTIFY has no replay, so re-read the journal from the
   * last id seen here; a notification may also arrive for what this re-read already returned.
   */
  onReconnect(): void | Promise<void>;
  /** Bound on connecting and each query. Default 5 s. */
  queryTimeoutMs?: number;
  /** How often an idle listening connection is checked; a hung one is replaced. Default 10 s. */
  checkMs?: number;
  /** Cap of the reconnect backoff. Default 5 s. */
  maxBackoffMs?: number;
  applicationName?: string;
  logger?: Logger;
}

export interface JournalListener {
  readonly isListening: boolean;
  /** Resolves after the first attempt to LISTEN; never rejects: failures are retried in the background. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** LISTEN on a dedicated connection that reconnects with backoff; NOTIFY carries journal ids, not rows. */
export function createJournalListener(options: JournalListenerOptions): JournalListener {
  const channel = options.channel ?? JOURNAL_CHANNEL;
  if (!CHANNEL_NAME.test(channel)) throw new Error(`channel must match ${CHANNEL_NAME}: ${channel}`);
  const queryTimeoutMs = options.queryTimeoutMs ?? 5_000;
  const checkMs = options.checkMs ?? 10_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const logger = options.logger ?? silentLogger;
  let client: pg.Client | null = null;
  let failures = 0;
  let isRunning = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | null = null;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (isRunning) timer = setTimeout(() => void runTick(), ms);
  };

  const loseConnection = (lost: pg.Client, reason: string) => {
    if (client !== lost) return;
    client = null;
    destroyClient(lost);
    failures += 1;
    logger.warn("journal listener connection lost", { channel, reason });
    if (ticking === null) schedule(reconnectDelay(failures, maxBackoffMs));
  };

  const listen = async (): Promise<void> => {
    const connection = { connectionString: options.connectionString, ssl: options.ssl, applicationName: options.applicationName ?? "healthdeck-journal", queryTimeoutMs };
    const opened = await connectDedicatedClient(connection, loseConnection);
    if (!isRunning) return closeClient(opened, queryTimeoutMs);
    client = opened;
    opened.on("notification", (message: pg.Notification) => {
      if (client !== opened || message.channel !== channel) return;
      try {
        options.onNotify(message.payload ?? "");
      } catch (error) {
        logger.error("journal onNotify threw", { channel, error: String(error) });
      }
    });
    await opened.query(`LISTEN ${channel}`);
    if (client !== opened) return;
    failures = 0;
    try {
      await options.onReconnect();
    } catch (error) {
      logger.error("journal onReconnect threw", { channel, error: String(error) });
    }
  };

  /** One step of the loop; returns the delay before the next. */
  const tick = async (): Promise<number> => {
    const current = client;
    try {
      if (current === null) await listen();
      else await current.query("SELECT 1");
      return checkMs;
    } catch (error) {
      if (client === null) failures += 1;
      else loseConnection(client, String(error));
      logger.warn("journal listener cannot listen", { channel, error: String(error) });
      return reconnectDelay(failures, maxBackoffMs);
    }
  };

  const runTick = async () => {
    if (ticking !== null || !isRunning) return;
    let next = checkMs;
    ticking = tick().then((ms) => void (next = ms));
    await ticking;
    ticking = null;
    schedule(next);
  };

  return {
    get isListening() {
      return client !== null;
    },
    async start() {
      if (isRunning) return;
      isRunning = true;
      await runTick();
    },
    async close() {
      isRunning = false;
      clearTimeout(timer);
      const last = client;
      client = null;
      if (last !== null) await closeClient(last, queryTimeoutMs);
      await ticking;
    },
  };
}
