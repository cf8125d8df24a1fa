import path from "node:path";
import Database from "better-sqlite3";
import type { Coordinator, StoreEngine, StoreRepos, TransactionOptions } from "@/lib/server/store/contract/store-contract";
import { createAccountEventsRepo } from "@/lib/server/store/sqlite/account-events-repo";
import { createAccountSyncStateRepo } from "@/lib/server/store/sqlite/account-sync-state-repo";
import { createCatalogRepo } from "@/lib/server/store/sqlite/catalog-repo";
import { createCurrentEventsRepo } from "@/lib/server/store/sqlite/current-events-repo";
import { createHttpValidatorsRepo } from "@/lib/server/store/sqlite/http-validators-repo";
import { createIngestPagesRepo } from "@/lib/server/store/sqlite/ingest-pages-repo";
import { createJournalRepo } from "@/lib/server/store/sqlite/journal-repo";
import { createOutboxRepo } from "@/lib/server/store/sqlite/outbox-repo";
import { createAuditLogRepo, createAuthTokensRepo } from "@/lib/server/store/sqlite/auth-repos";
import { createMetaRepo } from "@/lib/server/store/sqlite/meta-repo";
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from "@/lib/server/store/sqlite/open-database";
import { createPublicEventsRepo } from "@/lib/server/store/sqlite/public-events-repo";
import { createPublicUpdatesRepo } from "@/lib/server/store/sqlite/public-updates-repo";
import { createSourceStateRepo } from "@/lib/server/store/sqlite/source-state-repo";

function createRepos(db: SqliteDatabase): StoreRepos {
  return {
    sources: createSourceStateRepo(db),
    validators: createHttpValidatorsRepo(db),
    catalog: createCatalogRepo(db),
    updates: createPublicUpdatesRepo(db),
    currentEvents: createCurrentEventsRepo(db),
    events: createPublicEventsRepo(db),
    accountEvents: createAccountEventsRepo(db),
    accountSync: createAccountSyncStateRepo(db),
    ingestPages: createIngestPagesRepo(db),
    meta: createMetaRepo(db),
    journal: createJournalRepo(db),
    outbox: createOutboxRepo(db),
    authTokens: createAuthTokensRepo(db),
    audit: createAuditLogRepo(db),
  };
}

const SINGLE: Coordinator = { role: "single", onRoleChange: () => () => {} };

/**
 * The embedded engine: one process, one writer connection whose transactions are queued one after another
 * (better-sqlite3 is synchronous, but a transaction's work may await), and a second, read-only connection
 * so that reads never see a transaction that has not committed (WAL gives it the last committed state).
 * `:memory:` cannot be shared between connections: there reads use the writer (tests only).
 */
export function openSqliteEngine(dataDir: string | ":memory:"): StoreEngine {
  const writer = openDatabase(dataDir);
  let reader = writer;
  if (dataDir !== ":memory:") {
    reader = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    reader.pragma("busy_timeout = 5000");
  }
  const writeRepos = createRepos(writer);
  const readRepos = reader === writer ? writeRepos : createRepos(reader);
  const listeners = new Set<(latestJournalId: number) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let isClosed = false;

  async function runTransaction<T>(work: (tx: StoreRepos) => Promise<T>, options: TransactionOptions): Promise<T> {
    if (isClosed) throw new Error("the store is closed");
    // WAL with synchronous=NORMAL survives a crash of the process but may lose the last commits to a power cut;
    // FULL syncs the WAL at this commit. The queue runs one transaction at a time, so the setting is this one's.
    if (options.durable) writer.pragma("synchronous = FULL");
    writer.exec("BEGIN IMMEDIATE");
    let result: T;
    try {
      result = await work(writeRepos);
      writer.exec("COMMIT");
    } catch (error) {
      if (writer.inTransaction) writer.exec("ROLLBACK");
      throw error;
    } finally {
      if (options.durable) writer.pragma("synchronous = NORMAL");
    }
    const latest = await writeRepos.journal.latestId();
    for (const listener of listeners) listener(latest);
    return result;
  }

  return {
    kind: "sqlite",
    repos: readRepos,
    coordinator: SINGLE,
    transaction<T>(work: (tx: StoreRepos) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      const run = queue.then(() => runTransaction(work, options));
      queue = run.catch(() => undefined);
      return run;
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      reader.prepare("SELECT 1").get();
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      await queue;
      listeners.clear();
      if (reader !== writer && reader.open) reader.close();
      if (writer.open) writer.close();
    },
  };
}
