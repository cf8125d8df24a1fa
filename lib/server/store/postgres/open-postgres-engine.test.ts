import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import { EMPTY_JOURNAL_FILTER } from "@/lib/server/store/contract/journal-contract";
import { FencedWriteError, type StoreEngine } from "@/lib/server/store/contract/store-contract";
import { openPostgresEngine } from "@/lib/server/store/postgres/open-postgres-engine";
import { POSTGRES_MIGRATIONS } from "@/lib/server/store/postgres/postgres-migrations";
import { ACCOUNT, EVENT_ARN, accountEvent, entity, entityQuery, journalEntry } from "@/lib/server/store/store-contract-fixtures";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

let cluster: TestPostgres;
let databases = 0;
const EVENT_ID = deriveAccountEventId(EVENT_ARN, ACCOUNT);

beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await cluster.stop();
}, 30_000);

const newDatabase = () => cluster.createDatabase(`engine_${++databases}`);

async function queryOnce<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Resolves with the first id a listener hears that satisfies `accept`. */
function nextCommit(engine: StoreEngine, accept: (id: number) => boolean = () => true): Promise<number> {
  return new Promise((resolve) => {
    const unsubscribe = engine.onCommit((id) => {
      if (!accept(id)) return;
      unsubscribe();
      resolve(id);
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("openPostgresEngine", () => {
  it("migrates an empty database once when two replicas open it at the same moment", async () => {
    const url = await newDatabase();
    const engines = await Promise.all([openPostgresEngine({ connectionString: url }), openPostgresEngine({ connectionString: url })]);
    try {
      const versions = await queryOnce<{ version: number }>(url, "SELECT version FROM schema_migrations ORDER BY version");
      expect(versions.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, index) => index + 1));
      for (const engine of engines) await expect(engine.repos.journal.latestId()).resolves.toBe(0);
    } finally {
      await Promise.all(engines.map((engine) => engine.close()));
    }
    // Opening again applies nothing.
    const again = await openPostgresEngine({ connectionString: url });
    await again.close();
    expect(await queryOnce(url, "SELECT version FROM schema_migrations")).toHaveLength(POSTGRES_MIGRATIONS.length);
  });

  it("refuses a database migrated by a newer Healthdeck", async () => {
    const url = await newDatabase();
    await (await openPostgresEngine({ connectionString: url })).close();
    await queryOnce(url, `INSERT INTO schema_migrations (version, applied_at) VALUES (${POSTGRES_MIGRATIONS.length + 1}, 0)`);
    await expect(openPostgresEngine({ connectionString: url })).rejects.toThrow(/newer than this Healthdeck/);
  });

  it("reads BIGINT as numbers on its own pool without touching pg's global parsers", async () => {
    const engine = await openPostgresEngine({ connectionString: await newDatabase() });
    try {
      await engine.transaction(async (tx) => tx.sources.recordAttempt("rss", 1_795_132_800_123));
      expect((await engine.repos.sources.get("rss"))?.lastAttemptAt).toBe(1_795_132_800_123);
      expect(pg.types.getTypeParser(20)("42")).toBe("42");
    } finally {
      await engine.close();
    }
  });

  describe("fenced transactions", () => {
    it("commit nothing when the fence refuses, and commit when it allows", async () => {
      let isLeader = false;
      const fenced: boolean[] = [];
      const engine = await openPostgresEngine({
        connectionString: await newDatabase(),
        fence: async (client) => {
          const inTransaction = await client.query<{ now: string }>("SELECT now()::text AS now, statement_timestamp()::text AS at");
          fenced.push(inTransaction.rows.length === 1);
          if (!isLeader) throw new FencedWriteError();
        },
      });
      try {
        const heard: number[] = [];
        engine.onCommit((id) => heard.push(id));
        const poll = () =>
          engine.transaction(
            async (tx) => {
              await tx.sources.recordSuccess("rss", 1000, null);
              await tx.journal.append([journalEntry()]);
            },
            { fenced: true },
          );
        await expect(poll()).rejects.toBeInstanceOf(FencedWriteError);
        expect(await engine.repos.sources.get("rss")).toBeNull();
        expect(await engine.repos.journal.latestId()).toBe(0);
        expect(heard).toEqual([]);
        // Unfenced work is not asked.
        await engine.transaction(async (tx) => tx.meta.set("reader", "1"));
        expect(fenced).toEqual([true]);

        isLeader = true;
        await poll();
        expect(await engine.repos.journal.latestId()).toBe(1);
        expect(fenced).toEqual([true, true]);
      } finally {
        await engine.close();
      }
    });

    it("refuse fenced work on a follower when no fence is given", async () => {
      const engine = await openPostgresEngine({ connectionString: await newDatabase(), coordinator: { role: "follower", onRoleChange: () => () => {} } });
      try {
        expect(engine.coordinator.role).toBe("follower");
        await expect(engine.transaction(async (tx) => tx.meta.set("x", "1"), { fenced: true })).rejects.toBeInstanceOf(FencedWriteError);
        expect(await engine.repos.meta.get("x")).toBeNull();
        await engine.transaction(async (tx) => tx.meta.set("x", "2"));
        expect(await engine.repos.meta.get("x")).toBe("2");
      } finally {
        await engine.close();
      }
    });

    it("default to a single replica", async () => {
      const engine = await openPostgresEngine({ connectionString: await newDatabase() });
      try {
        expect(engine.kind).toBe("postgres");
        expect(engine.coordinator.role).toBe("single");
        await engine.transaction(async (tx) => tx.meta.set("x", "1"), { fenced: true });
        expect(await engine.repos.meta.get("x")).toBe("1");
      } finally {
        await engine.close();
      }
    });
  });

  describe("commits of other replicas", () => {
    it("reach onCommit through LISTEN, once per commit, also without journal entries", async () => {
      const url = await newDatabase();
      const [a, b] = await Promise.all([openPostgresEngine({ connectionString: url }), openPostgresEngine({ connectionString: url })]);
      try {
        const heardByA: number[] = [];
        const heardByB: number[] = [];
        a.onCommit((id) => heardByA.push(id));
        b.onCommit((id) => heardByB.push(id));
        const fromB = nextCommit(a);
        await b.transaction(async (tx) => tx.journal.append([journalEntry(), journalEntry()]));
        expect(await fromB).toBe(2);
        const plainWrite = nextCommit(a);
        await b.transaction(async (tx) => tx.sources.recordAttempt("rss", 1000));
        expect(await plainWrite).toBe(2);
        // A read-only transaction announces nothing.
        await b.transaction(async (tx) => tx.meta.get("x"));
        await pause(300);
        expect(heardByA).toEqual([2, 2]);
        expect(heardByB).toEqual([2, 2]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it("announce the latest id again after the listening connection is lost", async () => {
      const url = await newDatabase();
      const engine = await openPostgresEngine({ connectionString: url });
      try {
        await engine.transaction(async (tx) => tx.journal.append([journalEntry(), journalEntry(), journalEntry()]));
        const resynced = nextCommit(engine);
        const killed = await queryOnce<{ ok: boolean }>(
          url,
          "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
        );
        expect(killed).toEqual([{ ok: true }]);
        expect(await resynced).toBe(3);
      } finally {
        await engine.close();
      }
    });
  });

  // INSERT … ON CONFLICT always takes a transaction id, so upsertEntities counts as a write even when nothing changed.
  it("announces nothing for a transaction whose upserts of events and updates changed nothing", async () => {
    const engine = await openPostgresEngine({ connectionString: await newDatabase() });
    try {
      const poll = () =>
        engine.transaction(async (tx) => {
          await tx.accountEvents.upsertEvent(accountEvent(), 1000);
          await tx.updates.upsert({ key: "ec2-us-east-1", at: 1_764_000_000, status: "degraded", resolved: false, summary: "s", message: "m", origin: "rss" }, 1);
        });
      const heard: number[] = [];
      engine.onCommit((id) => heard.push(id));
      await poll();
      await poll();
      await pause(200);
      expect(heard).toEqual([0]);
    } finally {
      await engine.close();
    }
  });

  it("stores 100,000 entities of one event in 2,000-entity flushes quickly", async () => {
    const engine = await openPostgresEngine({ connectionString: await newDatabase() });
    try {
      await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
      const all = Array.from({ length: 100_000 }, (_, index) => entity(index, { status: index % 10 === 0 ? "RESOLVED" : "IMPAIRED", metadata: { tag: `t${index % 7}` } }));
      const started = performance.now();
      let changed = 0;
      for (let start = 0; start < all.length; start += 2_000) {
        changed += await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, all.slice(start, start + 2_000)));
      }
      const elapsed = performance.now() - started;
      expect(changed).toBe(100_000);
      expect(elapsed).toBeLessThan(30_000);
      expect((await engine.repos.accountEvents.getById(EVENT_ID))?.entityCounts).toEqual({ total: 100_000, byStatus: { IMPAIRED: 90_000, RESOLVED: 10_000 } });
      expect(await engine.repos.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(50);
      expect(await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, all.slice(0, 2_000)))).toBe(0);
      const fresh = await engine.repos.ingestPages.selectFreshEntities(EVENT_ID, all.slice(0, 10_000), true);
      expect(fresh).toHaveLength(10_000);
      const page = await engine.repos.accountEvents.listEntityColumns(EVENT_ID, entityQuery({ offset: 50_000, limit: 50_000 }));
      expect(page.total).toBe(100_000);
      expect(page.columns.value).toHaveLength(50_000);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("sorts and searches bytewise, ASCII-only case-insensitive, in a database whose default collation is not C", async () => {
    const name = `icu_${++databases}`;
    try {
      await queryOnce(cluster.url, `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.utf8'`);
    } catch {
      return; // this PostgreSQL has no ICU: the cluster's C collation was covered by the contract suite
    }
    const engine = await openPostgresEngine({ connectionString: cluster.url.replace(/\/postgres$/, `/${name}`) });
    try {
      await engine.transaction(async (tx) => {
        await tx.accountEvents.upsertEvent(accountEvent(), 1000);
        await tx.accountEvents.upsertEntities(EVENT_ID, ["b", "B", "a", "Á", "á", "_x"].map((value, index) => entity(index, { entityValue: value, entityArn: null, accountId: null })));
      });
      const values = async (search: string | null) => (await engine.repos.accountEvents.listEntities(EVENT_ID, entityQuery({ search }))).entities.map((item) => item.entityValue);
      expect(await values(null)).toEqual(["B", "_x", "a", "b", "Á", "á"]);
      expect(await values("A")).toEqual(["a"]);
      expect(await values("á")).toEqual(["á"]);
      expect(await engine.repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
