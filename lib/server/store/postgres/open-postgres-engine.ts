import pg from "pg";
import { silentLogger, type Logger } from "@/lib/server/logging/create-logger";
import { FencedWriteError, type Coordinator, type StoreEngine, type StoreRepos } from "@/lib/server/store/contract/store-contract";
import { createPgRepos } from "@/lib/server/store/postgres/create-pg-repos";
import { listenJournalChannel } from "@/lib/server/store/postgres/listen-journal-channel";
import { migratePostgres } from "@/lib/server/store/postgres/migrate-postgres";
import { routeWritesToTransactions } from "@/lib/server/store/postgres/route-writes-to-transactions";

/** NOTIFY channel of commits; the payload is only the latest journal id (NOTIFY payloads must stay < 8000 bytes). */
export const JOURNAL_CHANNEL = "healthdeck_journal";

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

/** pg sets `processID` on every connected client; @types/pg does not declare it. */
function backendPidOf(client: pg.ClientBase): number | null {
  const pid: unknown = Reflect.get(client, "processID");
  return typeof pid === "number" ? pid : null;
}

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
    types: numberTypes,
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => logger.warn("postgres pool client error", { error: error.message }));
  const ownPids = new Set<number>();
  pool.on("connect", (client) => {
    const pid = backendPidOf(client);
    if (pid !== null) ownPids.add(pid);
  });
  pool.on("remove", (client) => {
    const pid = backendPidOf(client);
    if (pid !== null) ownPids.delete(pid);
  });

  const listeners = new Set<(latestJournalId: number) => void>();
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

  async function transaction<T>(work: (tx: StoreRepos) => Promise<T>, transactionOptions: { fenced?: boolean } = {}): Promise<T> {
    const client = await pool.connect();
    let isBroken = false;
    let result: T;
    let announced: number | null = null;
    try {
      await client.query("BEGIN");
      try {
        if (transactionOptions.fenced) {
          if (options.fence) await options.fence(client);
          else if (coordinator.role === "follower") throw new FencedWriteError();
        }
        result = await work(createPgRepos(client));
        // Only a transaction that wrote has a transaction id; its NOTIFY is delivered at COMMIT.
        const state = await client.query<{ wrote: boolean; last_id: number }>(
          "SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote, last_id FROM journal_head",
        );
        const row = state.rows[0];
        if (row?.wrote) {
          await client.query("SELECT pg_notify($1, $2)", [JOURNAL_CHANNEL, String(row.last_id)]);
          announced = row.last_id;
        }
        await client.query("COMMIT");
      } catch (error) {
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
  let listener;
  try {
    listener = await listenJournalChannel({
      clientConfig,
      channel: JOURNAL_CHANNEL,
      logger,
      onNotify(payload, processId) {
        if (ownPids.has(processId)) return; // announced already, at our own commit
        const latestJournalId = Number(payload);
        if (Number.isSafeInteger(latestJournalId)) announce(latestJournalId);
      },
      onReconnect() {
        readLatestId().then(announce, (error: unknown) =>
          logger.warn("reading the journal head after a reconnect failed", { error: error instanceof Error ? error.message : String(error) }),
        );
      },
    });
  } catch (error) {
    await pool.end();
    throw error;
  }

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
    async close() {
      listeners.clear();
      await listener.close();
      await pool.end();
    },
  };
}
