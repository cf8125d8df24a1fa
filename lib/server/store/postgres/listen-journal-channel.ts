import pg from "pg";
import type { Logger } from "@/lib/server/logging/create-logger";

export interface JournalChannelListener {
  close(): Promise<void>;
}

export interface JournalChannelOptions {
  clientConfig: pg.ClientConfig;
  channel: string;
  logger: Logger;
  /** A notification; `processId` is the backend that sent it. */
  onNotify(payload: string, processId: number): void;
  /** LISTEN is in place again after a lost connection: notifications sent meanwhile are gone, re-read state. */
  onReconnect(): void;
  retryDelayMs?: number;
}

/**
 * A minimal LISTEN on a dedicated connection (never through a pooler in transaction mode), reconnecting after a
 * fixed delay. The first LISTEN is awaited, so the engine hears every commit made after it opens.
 */
export async function listenJournalChannel(options: JournalChannelOptions): Promise<JournalChannelListener> {
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  const state: { client: pg.Client | null; retryTimer: NodeJS.Timeout | null; isClosed: boolean } = { client: null, retryTimer: null, isClosed: false };
  const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

  async function connect(): Promise<void> {
    const next = new pg.Client(options.clientConfig);
    next.on("notification", (message) => options.onNotify(message.payload ?? "", message.processId));
    next.on("error", (error) => {
      options.logger.warn("journal listener connection lost", { error: error.message });
      drop(next);
    });
    next.on("end", () => drop(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    if (state.isClosed) {
      await next.end().catch(() => {});
      return;
    }
    state.client = next;
  }

  function drop(lost: pg.Client): void {
    if (state.client !== lost) return;
    state.client = null;
    lost.end().catch(() => {});
    retryLater();
  }

  function retryLater(): void {
    if (state.isClosed || state.retryTimer !== null) return;
    state.retryTimer = setTimeout(() => {
      state.retryTimer = null;
      if (state.isClosed) return;
      connect().then(
        () => options.onReconnect(),
        (error: unknown) => {
          options.logger.warn("journal listener reconnect failed", { error: messageOf(error) });
          retryLater();
        },
      );
    }, retryDelayMs);
    state.retryTimer.unref();
  }

  await connect();
  return {
    async close() {
      state.isClosed = true;
      if (state.retryTimer !== null) clearTimeout(state.retryTimer);
      const current = state.client;
      state.client = null;
      await current?.end().catch(() => {});
    },
  };
}
