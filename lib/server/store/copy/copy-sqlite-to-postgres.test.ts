import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { EMPTY_JOURNAL_FILTER } from "@/lib/server/store/contract/journal-contract";
import { copySqliteToPostgres } from "@/lib/server/store/copy/copy-sqlite-to-postgres";
import { openPostgresEngine } from "@/lib/server/store/postgres/open-postgres-engine";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { accountEvent, assembledEvent, entity } from "@/lib/server/store/store-contract-fixtures";
import { EVENT_ID as OLD_EVENT_ID, seedAtVersion } from "@/tests/support/seed-older-sqlite";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

let cluster: TestPostgres;
let dataDir: string;

beforeAll(async () => {
  cluster = await startPostgres();
  dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-copy-"));
  const store = createHealthdeckStore(openSqliteEngine(dataDir));
  const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
  await store.write((tx) => tx.accountEvents.upsertEntities(id, Array.from({ length: 2500 }, (_, index) => entity(index))));
  await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", { service: "ec2", region: "us-east-1" }, [assembledEvent()]));
  await store.write((tx) => tx.sources.recordFailure("public-rss", 2000, "HTTP 503 with a 'quote' and ünïcödé"));
  await store.write((tx) => tx.journal.prune(0));
  await store.close();
}, 60_000);

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await cluster?.stop();
}, 30_000);

describe("db:copy", () => {
  it("moves every table into an empty PostgreSQL database and proves it with counts and checksums", async () => {
    const url = await cluster.createDatabase("copy_target");
    const lines: string[] = [];
    const report = await copySqliteToPostgres({ fromDataDir: dataDir, toUrl: url, onProgress: (line) => lines.push(line) });
    expect(report.isVerified).toBe(true);
    const rows = Object.fromEntries(report.tables.map((table) => [table.table, table.targetRows]));
    expect(rows).toMatchObject({ account_events: 1, account_entities: 2500, public_events: 1, source_state: 1 });
    expect(rows.journal).toBeGreaterThanOrEqual(4);
    for (const table of report.tables) expect(table.targetChecksum).toBe(table.sourceChecksum);
    expect(lines).toContain("copied account_entities: 2500 rows");

    const sqlite = createHealthdeckStore(openSqliteEngine(dataDir));
    const postgres = createHealthdeckStore(await openPostgresEngine({ connectionString: url }));
    try {
      const ALL = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 10 };
      expect(await postgres.accountEvents.listEvents(ALL)).toEqual(await sqlite.accountEvents.listEvents(ALL));
      expect(await postgres.events.listOpen()).toEqual(await sqlite.events.listOpen());
      expect(await postgres.journal.read(0, 100, EMPTY_JOURNAL_FILTER)).toEqual(await sqlite.journal.read(0, 100, EMPTY_JOURNAL_FILTER));
      // Ids go on after the last one the SQLite installation handed out, never reusing one.
      const last = await sqlite.journal.latestId();
      await postgres.write((tx) => tx.sources.recordSuccess("public-rss", 3000, null));
      expect((await postgres.journal.read(last, 10, EMPTY_JOURNAL_FILTER)).map((entry) => entry.id)).toEqual([last + 1]);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  }, 60_000);

  it("copies an installation at an older schema version after upgrading it", async () => {
    const oldDir = mkdtempSync(path.join(tmpdir(), "healthdeck-copy-old-"));
    try {
      seedAtVersion(oldDir, 2);
      const url = await cluster.createDatabase("copy_old");
      const report = await copySqliteToPostgres({ fromDataDir: oldDir, toUrl: url });
      expect(report.isVerified).toBe(true);
      const postgres = createHealthdeckStore(await openPostgresEngine({ connectionString: url }));
      expect((await postgres.accountEvents.getById(OLD_EVENT_ID))?.description).toBe("Your instance will be retired.");
      expect(await postgres.accountEvents.getEntitiesVersion(OLD_EVENT_ID)).toBe(0);
      await postgres.close();
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses a target that already holds Healthdeck data, and changes nothing there", async () => {
    const url = await cluster.createDatabase("copy_busy");
    const busy = createHealthdeckStore(await openPostgresEngine({ connectionString: url }));
    await busy.write((tx) => tx.sources.recordSuccess("public-currentevents", 1000, null));
    await expect(copySqliteToPostgres({ fromDataDir: dataDir, toUrl: url })).rejects.toThrow(/already holds Healthdeck data \(table source_state/);
    expect(await busy.accountEvents.getById("anything")).toBeNull();
    expect((await busy.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).length).toBe(1);
    await busy.close();
  }, 60_000);
});
