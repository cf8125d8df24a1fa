import pg from "pg";
import { silentLogger, type Logger } from "@/lib/server/logging/create-logger";
import { FencedWriteError, type Coordinator, type StoreEngine, type StoreRepos } from "@/lib/server/store/contract/store-contract";
import { createPgRepos } from "@/lib/server/store/postgres/create-pg-repos";
import { createJournalListener, JOURNAL_CHANNEL } from "@/lib/server/store/postgres/journal-listener";
import { migratePostgres } from "@/lib/server/store/postgres/migrate-postgres";
import { routeWritesToTransactions } from "@/lib/server/store/postgres/route-writes-to-transactions";

export interface PostgresEngineOptions {
  connectionString: string;
  poolSize?: number;
  ssl?: pg.PoolConfig["ssl"];
  logger?: Logger;
  statementTimeoutMs?: number;
  coordinator?: Coordinator;
  /** Called right after BEGIN of a fenced transaction; throws FencedWriteError when this replica is not the leader. */
  fence?: (client: pg.PoolClient) => Promise<void>;
}

const SINGLE: Coordinator = { role: "single", onRoleChange: () => () => {} };
const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

// BIGINT (epoch ms, COUNT) and NUMERIC (SUM) as JS numbers, for this pool only: pg's global parsers stay as they are.
const NUMBER_OIDS = new Set([20, 1700]);
const numberTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    NUMBER_OIDS.has(oid) && format !== "binary" ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

/** Own commits whose NOTIFY (its payload is only the latest journal id) may still come back through LISTEN. */
const MAX_PENDING_ECHOES = 1_000;

/**
 * Opens the PostgreSQL engine: a pool, the schema migrated (once, under a lock, see migratePostgres), and a
 * LISTEN connection so that onCommit also hears the commits of other replicas.
 */
export async function openPostgresEngine(options: PostgresEngineOptions): Promise<StoreEngine> {
  const logger = options.logger ?? silentLogger;
  const coordinator = options.coordinator ?? SINGLE;
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    ssl: options.ssl,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    // A replica that hangs inside a transaction must not hold its locks (the leader row FOR SHARE) forever.
    idle_in_transaction_session_timeout: DEFAULT_STATEMENT_TIMEOUT_MS,
    types: numberTypes,
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => logger.warn("postgres pool client error", { error: error.message }));
  // A local commit is announced once, at COMMIT; its echo through LISTEN is skipped (counted per payload, since
  // the payload is only an id). Notifications arrive in commit order, so a skipped one never hides a later commit.
  const pendingEchoes = new Map<number, number>();
  const expectEcho = (id: number, delta: 1 | -1) => {
    const count = (pendingEchoes.get(id) ?? 0) + delta;
    if (count > 0) pendingEchoes.set(id, count);
    else pendingEchoes.delete(id);
  };

  const listeners = new Set<(latestJournalId: number) => void>();
  let closing: Promise<void> | null = null;
  const announce = (latestJournalId: number) => {
    for (const listener of listeners) {
      try {
        listener(latestJournalId);
      } catch (error) {
        logger.error("onCommit listener failed", { error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  const readLatestId = async () => (await pool.query<{ last_id: number }>("SELECT last_id FROM journal_head")).rows[0]?.last_id ?? 0;

  async function transaction<T>(work: (tx: StoreRepos) => Promise<T>, transactionOptions: { fenced?: boolean; durable?: boolean } = {}): Promise<T> {
    const client = await pool.connect();
    let isBroken = false;
    let result: T;
    let announced: number | null = null;
    try {
      await client.query("BEGIN");
      try {
        // A server configured with synchronous_commit=off would answer COMMIT before the WAL is on disk.
        if (transactionOptions.durable) await client.query("SET LOCAL synchronous_commit = on");
        if (transactionOptions.fenced) {
          if (options.fence) await options.fence(client);
          else if (coordinator.role === "follower") throw new FencedWriteError();
        }
        result = await work(createPgRepos(client));
        // Only a transaction that wrote has a transaction id; its NOTIFY is delivered at COMMIT.
        const state = await client.query<{ last_id: number }>(
          "SELECT last_id, pg_notify($1, last_id::text) FROM journal_head WHERE pg_current_xact_id_if_assigned() IS NOT NULL",
          [JOURNAL_CHANNEL],
        );
        const row = state.rows[0];
        if (row) {
          announced = row.last_id;
          if (pendingEchoes.size < MAX_PENDING_ECHOES) expectEcho(announced, 1);
        }
        await client.query("COMMIT");
      } catch (error) {
        if (announced !== null && pendingEchoes.has(announced)) expectEcho(announced, -1);
        announced = null;
        await client.query("ROLLBACK").catch(() => {
          isBroken = true;
        });
        throw error;
      }
    } finally {
      client.release(isBroken);
    }
    if (announced !== null) announce(announced);
    return result;
  }

  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const journalListener = createJournalListener({
    connectionString: options.connectionString,
    ssl: options.ssl,
    logger,
    onNotify(payload) {
      const latestJournalId = Number(payload);
      if (!Number.isSafeInteger(latestJournalId)) return;
      if (pendingEchoes.has(latestJournalId)) expectEcho(latestJournalId, -1);
      else announce(latestJournalId);
    },
    // NOTIFY has no replay: after every (re)connect, tell listeners the latest id so they re-read what they missed.
    async onReconnect() {
      pendingEchoes.clear();
      announce(await readLatestId());
    },
  });
  await journalListener.start();

  const reads = createPgRepos(pool);
  return {
    kind: "postgres",
    repos: routeWritesToTransactions(reads, (work) => transaction(work)),
    transaction,
    coordinator,
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    close() {
      // Idempotent: a shutdown hook and a test's cleanup may both close the store.
      closing ??= (async () => {
        listeners.clear();
        await journalListener.close();
        await pool.end();
      })();
      return closing;
    },
  };
}
