import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CurrentEventRecord } from "@/lib/server/domain/public-status-records";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import { EMPTY_JOURNAL_FILTER, type JournalFilter } from "@/lib/server/store/contract/journal-contract";
import type { StoreEngine } from "@/lib/server/store/contract/store-contract";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import type { AuthTokenRecord } from "@/lib/server/store/contract/auth-contract";
import { createHealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { openPostgresEngine } from "@/lib/server/store/postgres/open-postgres-engine";
import {
  ACCOUNT,
  EVENT_ARN,
  T0,
  accountEvent,
  assembledEvent,
  currentEvent,
  entity,
  entityQuery,
  journalEntry,
  publicUpdate,
} from "@/lib/server/store/store-contract-fixtures";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";

let cluster: Promise<TestPostgres> | null = null;
let databases = 0;

/** One private cluster per file, started on first use; one fresh database per test. */
async function openPostgres(): Promise<StoreEngine> {
  cluster ??= startPostgres();
  const url = await (await cluster).createDatabase(`contract_${++databases}`);
  return openPostgresEngine({ connectionString: url, poolSize: 12 });
}

const sqliteDirs: string[] = [];

/** A file database, as deployed: reads go through their own connection and never see an open transaction. */
async function openSqlite(): Promise<StoreEngine> {
  const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-contract-"));
  sqliteDirs.push(dir);
  return openSqliteEngine(dir);
}

const ENGINES: { name: string; open: () => Promise<StoreEngine> }[] = [
  { name: "sqlite", open: openSqlite },
  { name: "postgres", open: openPostgres },
];

afterAll(async () => {
  for (const dir of sqliteDirs) rmSync(dir, { recursive: true, force: true });
  if (cluster) await (await cluster).stop();
}, 30_000);

const filter = (overrides: Partial<JournalFilter>): JournalFilter => ({ ...EMPTY_JOURNAL_FILTER, ...overrides });
const EVENT_ID = deriveAccountEventId(EVENT_ARN, ACCOUNT);
const withoutUpdates = (event: CurrentEventRecord): Omit<CurrentEventRecord, "updates"> => ({
  arn: event.arn,
  key: event.key,
  region: event.region,
  serviceName: event.serviceName,
  status: event.status,
  resolved: event.resolved,
  summary: event.summary,
  startedAt: event.startedAt,
  endedAt: event.endedAt,
  impacted: event.impacted,
});

describe.each(ENGINES)("store contract on $name", ({ open }) => {
  let engine: StoreEngine;
  beforeEach(async () => {
    engine = await open();
  }, 30_000);
  afterEach(async () => {
    await engine.close();
  });

  describe("a new store", () => {
    it("is migrated and empty", async () => {
      const { repos } = engine;
      expect(await repos.sources.get("rss")).toBeNull();
      expect(await repos.catalog.list()).toEqual([]);
      expect(await repos.events.listOpen()).toEqual([]);
      expect(await repos.accountEvents.listEvents({ categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 10 })).toEqual([]);
      expect(await repos.journal.latestId()).toBe(0);
      expect(await repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).toEqual([]);
      expect(await repos.ingestPages.readIngestSummary()).toEqual({ lastReceivedAt: null, pendingCommunications: 0 });
      await expect(engine.ping()).resolves.toBeUndefined();
    });
  });

  describe("source state", () => {
    it("records attempts, failures (cut to 500 characters) and successes", async () => {
      await engine.transaction(async (tx) => tx.sources.recordAttempt("rss", 1000));
      expect(await engine.repos.sources.get("rss")).toEqual({ id: "rss", lastAttemptAt: 1000, lastSuccessAt: null, lastError: null, lastErrorAt: null, note: null });
      await engine.transaction(async (tx) => tx.sources.recordFailure("rss", 2000, "x".repeat(600)));
      expect(await engine.repos.sources.get("rss")).toEqual({ id: "rss", lastAttemptAt: 2000, lastSuccessAt: null, lastError: "x".repeat(500), lastErrorAt: 2000, note: null });
      await engine.transaction(async (tx) => tx.sources.recordSuccess("rss", 3000, "12 events"));
      expect(await engine.repos.sources.get("rss")).toEqual({ id: "rss", lastAttemptAt: 3000, lastSuccessAt: 3000, lastError: null, lastErrorAt: null, note: "12 events" });
      await engine.transaction(async (tx) => {
        await tx.sources.recordAttempt("rss", 4000);
        await tx.sources.recordFailure("rss", 4000, "timeout");
      });
      expect(await engine.repos.sources.get("rss")).toEqual({ id: "rss", lastAttemptAt: 4000, lastSuccessAt: 3000, lastError: "timeout", lastErrorAt: 4000, note: "12 events" });
      await engine.transaction(async (tx) => tx.sources.recordSuccess("currentevents", 5000, null));
      expect(await engine.repos.sources.get("currentevents")).toEqual({ id: "currentevents", lastAttemptAt: 5000, lastSuccessAt: 5000, lastError: null, lastErrorAt: null, note: null });
    });
  });

  describe("http validators", () => {
    it("stores etag and last-modified, and deletes the row for empty validators", async () => {
      const url = "https://health.aws.amazon.com/public/currentevents";
      expect(await engine.repos.validators.get(url)).toEqual({});
      await engine.transaction(async (tx) => tx.validators.set(url, { etag: '"abc"' }));
      expect(await engine.repos.validators.get(url)).toEqual({ etag: '"abc"' });
      await engine.transaction(async (tx) => tx.validators.set(url, { etag: '"def"', lastModified: "Mon, 07 Dec 2026 12:00:00 GMT" }));
      expect(await engine.repos.validators.get(url)).toEqual({ etag: '"def"', lastModified: "Mon, 07 Dec 2026 12:00:00 GMT" });
      await engine.transaction(async (tx) => tx.validators.set(url, { lastModified: "Tue, 08 Dec 2026 12:00:00 GMT" }));
      expect(await engine.repos.validators.get(url)).toEqual({ lastModified: "Tue, 08 Dec 2026 12:00:00 GMT" });
      await engine.transaction(async (tx) => tx.validators.set(url, {}));
      expect(await engine.repos.validators.get(url)).toEqual({});
    });
  });

  describe("catalog", () => {
    it("replaces all entries and lists them by key, bytewise", async () => {
      const s3 = { key: "s3-eu-west-1", service: "s3", region: "eu-west-1", name: "Amazon Simple Storage Service", regionName: "Europe (Ireland)" };
      const ec2 = { key: "ec2-us-east-1", service: "ec2", region: "us-east-1", name: "Amazon Elastic Compute Cloud", regionName: "N. Virginia" };
      const iam = { key: "IAM", service: "iam", region: null, name: "AWS Identity and Access Management", regionName: null };
      await engine.transaction(async (tx) => tx.catalog.replace([s3, ec2, iam]));
      expect(await engine.repos.catalog.list()).toEqual([iam, ec2, s3]);
      await engine.transaction(async (tx) => tx.catalog.replace([s3]));
      expect(await engine.repos.catalog.list()).toEqual([s3]);
      await engine.transaction(async (tx) => tx.catalog.replace([]));
      expect(await engine.repos.catalog.list()).toEqual([]);
    });
  });

  describe("public updates", () => {
    it("creates, merges RSS and currentevents copies, and lists by time", async () => {
      const later = publicUpdate({ at: 1_764_000_600, message: "We have identified the cause." });
      expect(await engine.transaction(async (tx) => tx.updates.upsert(later, 100))).toBe(true);
      expect(await engine.transaction(async (tx) => tx.updates.upsert(publicUpdate(), 100))).toBe(true);
      expect(await engine.transaction(async (tx) => tx.updates.upsert(publicUpdate(), 200))).toBe(false);
      // An RSS copy edited to [RESOLVED] resolves the row; currentevents keeps its origin and text.
      const rss = publicUpdate({ origin: "rss", status: "operational", resolved: true, message: "" });
      expect(await engine.transaction(async (tx) => tx.updates.upsert(rss, 300))).toBe(true);
      expect(await engine.repos.updates.listForKey("ec2-us-east-1")).toEqual([
        { ...publicUpdate(), status: "operational", resolved: true },
        later,
      ]);
      // Resolved sticks when a later currentevents copy still says unresolved.
      expect(await engine.transaction(async (tx) => tx.updates.upsert(publicUpdate(), 400))).toBe(false);
      expect(await engine.repos.updates.listForKey("s3-us-east-1")).toEqual([]);
    });
  });

  describe("current events", () => {
    it("upserts the feed, reports changed keys, and closes what left the feed", async () => {
      const ec2 = currentEvent();
      const s3 = currentEvent({ arn: "arn:aws:health:us-east-1::event/S3/AWS_S3_OPERATIONAL_ISSUE/X", key: "s3-us-east-1", serviceName: "Amazon S3", startedAt: 1_764_000_100 });
      expect(await engine.transaction(async (tx) => tx.currentEvents.applyFeed([ec2, s3], 1_764_000_200))).toEqual(new Set(["ec2-us-east-1", "s3-us-east-1"]));
      expect(await engine.transaction(async (tx) => tx.currentEvents.applyFeed([ec2, s3], 1_764_000_300))).toEqual(new Set());
      expect(await engine.repos.currentEvents.listForKey("ec2-us-east-1")).toEqual([{ ...withoutUpdates(ec2), inFeed: true, lastSeenAt: 1_764_000_300 }]);

      const s3Changed = { ...s3, summary: "Elevated error rates" };
      expect(await engine.transaction(async (tx) => tx.currentEvents.applyFeed([ec2, s3Changed], 1_764_000_400))).toEqual(new Set(["s3-us-east-1"]));
      // The same ARN twice in one feed: compared copy by copy, the last one stays.
      const s3Again = { ...s3, summary: "Recovering" };
      expect(await engine.transaction(async (tx) => tx.currentEvents.applyFeed([ec2, s3Changed, s3Again], 1_764_000_450))).toEqual(new Set(["s3-us-east-1"]));
      expect((await engine.repos.currentEvents.listForKey("s3-us-east-1"))[0]?.summary).toBe("Recovering");

      expect(await engine.transaction(async (tx) => tx.currentEvents.applyFeed([ec2], 1_764_000_500))).toEqual(new Set(["s3-us-east-1"]));
      expect(await engine.repos.currentEvents.listForKey("s3-us-east-1")).toEqual([
        { ...withoutUpdates(s3Again), status: "operational", resolved: true, endedAt: 1_764_000_500, inFeed: false, lastSeenAt: 1_764_000_450 },
      ]);
      // Coming back re-opens it.
      expect(await engine.transaction(async (tx) => tx.currentEvents.applyFeed([ec2, s3Again], 1_764_000_600))).toEqual(new Set(["s3-us-east-1"]));
      expect((await engine.repos.currentEvents.listForKey("s3-us-east-1"))[0]).toMatchObject({ inFeed: true, resolved: false, endedAt: null });
    });

    it("lists a key's events by start time", async () => {
      const first = currentEvent({ arn: "arn:aws:health:us-east-1::event/EC2/X/B", startedAt: 1_764_000_500 });
      const second = currentEvent({ arn: "arn:aws:health:us-east-1::event/EC2/X/A", startedAt: 1_764_000_100 });
      await engine.transaction(async (tx) => tx.currentEvents.applyFeed([first, second], 1_764_000_600));
      expect((await engine.repos.currentEvents.listForKey("ec2-us-east-1")).map((event) => event.arn)).toEqual([second.arn, first.arn]);
    });
  });

  describe("public events", () => {
    it("replaces a key's events exactly, and lists open, recently resolved and history", async () => {
      const split = { service: "ec2", region: "us-east-1" };
      const open = assembledEvent();
      const absorbed = assembledEvent({ id: "ec2-us-east-1_1764000300", startedAt: 1_764_000_300, updates: [] });
      await engine.transaction(async (tx) => tx.events.replaceForKey("ec2-us-east-1", split, [absorbed, open]));
      expect((await engine.repos.events.listForKey("ec2-us-east-1")).map((event) => event.id)).toEqual([open.id, absorbed.id]);
      expect(await engine.repos.events.listForKey("ec2-us-east-1").then((events) => events[0])).toEqual({
        ...open,
        service: "ec2",
        region: "us-east-1",
        lastUpdateAt: 1_764_000_600,
      });
      await engine.transaction(async (tx) => tx.events.replaceForKey("ec2-us-east-1", split, [open]));
      expect((await engine.repos.events.listForKey("ec2-us-east-1")).map((event) => event.id)).toEqual([open.id]);

      const resolvedS3 = assembledEvent({ id: "s3-1", key: "s3", status: "operational", resolved: true, startedAt: 1_763_000_000, endedAt: 1_763_003_600, updates: [publicUpdate({ key: "s3", at: 1_763_003_600 })] });
      const oldS3 = assembledEvent({ id: "s3-0", key: "s3", status: "operational", resolved: true, startedAt: 1_760_000_000, endedAt: 1_760_000_600, updates: [] });
      const openLambda = assembledEvent({ id: "lambda-1", key: "lambda-eu-west-1", startedAt: 1_764_001_000, updates: [] });
      await engine.transaction(async (tx) => {
        await tx.events.replaceForKey("s3", { service: "s3", region: null }, [resolvedS3, oldS3]);
        await tx.events.replaceForKey("lambda-eu-west-1", { service: "lambda", region: "eu-west-1" }, [openLambda]);
      });
      expect((await engine.repos.events.listOpen()).map((event) => event.id)).toEqual(["lambda-1", open.id]);
      expect((await engine.repos.events.listOpenKeys()).sort()).toEqual(["ec2-us-east-1", "lambda-eu-west-1"]);
      expect((await engine.repos.events.listRecentlyResolved(1_763_000_000)).map((event) => event.id)).toEqual(["s3-1"]);
      expect((await engine.repos.events.listRecentlyResolved(1_750_000_000)).map((event) => event.id)).toEqual(["s3-1", "s3-0"]);
      expect((await engine.repos.events.listHistory({ fromSeconds: null, toSeconds: null, limit: 10 })).map((event) => event.id)).toEqual(["lambda-1", open.id, "s3-1", "s3-0"]);
      expect((await engine.repos.events.listHistory({ fromSeconds: 1_763_000_000, toSeconds: 1_764_000_500, limit: 10 })).map((event) => event.id)).toEqual([open.id, "s3-1"]);
      expect((await engine.repos.events.listHistory({ fromSeconds: null, toSeconds: null, limit: 2 })).map((event) => event.id)).toEqual(["lambda-1", open.id]);
      expect((await engine.repos.events.listOpen())[1]?.region).toBe("us-east-1");
      expect((await engine.repos.events.listRecentlyResolved(1_763_000_000))[0]).toMatchObject({ service: "s3", region: null, lastUpdateAt: 1_763_003_600 });
    });
  });

  describe("account events", () => {
    it("upserts a page of records at once exactly as one by one, duplicates and existing events included", async () => {
      const records = [
        accountEvent({ arn: `${EVENT_ARN}-a` }),
        accountEvent({ arn: `${EVENT_ARN}-b`, status: "open" }),
        accountEvent(),
      ];
      await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
      const outcomes = await engine.transaction(async (tx) => tx.accountEvents.upsertEvents([...records, accountEvent({ status: "open", description: "Moved." })], 2000));
      expect(outcomes.map((outcome) => [outcome.created, outcome.changed, outcome.before?.status ?? null, outcome.after?.status ?? null])).toEqual([
        [true, true, null, "upcoming"],
        [true, true, null, "open"],
        [false, false, "upcoming", null],
        [false, true, "upcoming", "open"],
      ]);
      expect(await engine.repos.accountEvents.listUpdates(deriveAccountEventId(`${EVENT_ARN}-b`, ACCOUNT))).toEqual([
        { at: new Date(T0).toISOString(), status: "open", description: "Your instance will be retired." },
      ]);
      expect((await engine.repos.accountEvents.listUpdates(EVENT_ID)).map((update) => update.description)).toEqual(["Moved.", "Your instance will be retired."]);
      const again = await engine.transaction(async (tx) => tx.accountEvents.upsertEvents(records.slice(0, 2), 3000));
      expect(again.map((outcome) => outcome.changed)).toEqual([false, false]);
      const mixed = await engine.transaction(async (tx) => tx.accountEvents.upsertEvents([accountEvent({ arn: `${EVENT_ARN}-c` }), accountEvent({ status: "closed", description: "Moved." })], 4000));
      expect(mixed.map((outcome) => [outcome.created, outcome.before?.status ?? null, outcome.after?.status ?? null])).toEqual([
        [true, null, "upcoming"],
        [false, "open", "closed"],
      ]);
      expect((await engine.repos.accountEvents.getById(deriveAccountEventId(`${EVENT_ARN}-c`, ACCOUNT)))?.status).toBe("upcoming");
    });

    it("merges sparse records without erasing detail and keeps a history of chapters", async () => {
      const first = await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
      expect(first).toMatchObject({ id: EVENT_ID, created: true, changed: true, before: null });
      expect(first.after).toEqual(await engine.repos.accountEvents.getById(EVENT_ID));
      const unchanged = await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), 2000));
      expect(unchanged).toEqual({ id: EVENT_ID, created: false, changed: false, before: first.after, after: null });
      const sparse = accountEvent({ origin: "eventbridge", description: null, metadata: null, personas: null, actionability: null, status: "open", lastUpdatedTime: T0 + 60_000 });
      const merged = await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(sparse, 3000));
      expect(merged).toMatchObject({ id: EVENT_ID, created: false, changed: true });
      expect([merged.before?.status, merged.after?.status, merged.after?.description]).toEqual(["upcoming", "open", "Your instance will be retired."]);
      expect(await engine.repos.accountEvents.getById(EVENT_ID)).toEqual({
        id: EVENT_ID,
        arn: EVENT_ARN,
        accountId: ACCOUNT,
        service: "EC2",
        eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
        category: "scheduledChange",
        region: "us-east-1",
        availabilityZone: null,
        status: "open",
        scope: "ACCOUNT_SPECIFIC",
        startTime: "2026-12-01T00:00:00.000Z",
        endTime: null,
        lastUpdatedTime: "2026-11-20T00:01:00.000Z",
        description: "Your instance will be retired.",
        entityCounts: { total: 0, byStatus: {} },
        actionability: "ACTION_REQUIRED",
        personas: ["OPERATIONS"],
        metadata: { deprecated_versions: "none" },
        origins: ["api", "eventbridge"],
        isSecurity: false,
      });
      // A changed description is a new chapter too; a changed end time alone is not.
      await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ status: "open", description: "Retirement moved.", lastUpdatedTime: T0 + 120_000 }), 4000));
      await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ status: "open", description: "Retirement moved.", lastUpdatedTime: T0 + 120_000, endTime: T0 + 180_000 }), 5000));
      expect(await engine.repos.accountEvents.listUpdates(EVENT_ID)).toEqual([
        { at: "2026-11-20T00:02:00.000Z", status: "open", description: "Retirement moved." },
        { at: "2026-11-20T00:01:00.000Z", status: "open", description: "Your instance will be retired." },
        { at: "2026-11-20T00:00:00.000Z", status: "upcoming", description: "Your instance will be retired." },
      ]);
      const other = await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ accountId: "210987654321" }), 6000));
      expect(other).toMatchObject({ id: deriveAccountEventId(EVENT_ARN, "210987654321"), created: true, changed: true, before: null });
      const ownAccount = await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ accountId: null, lastUpdatedTime: null }), 7000));
      expect((await engine.repos.accountEvents.getById(ownAccount.id))?.accountId).toBeNull();
      expect(await engine.repos.accountEvents.listUpdates(ownAccount.id)).toEqual([
        { at: new Date(7000).toISOString(), status: "upcoming", description: "Your instance will be retired." },
      ]);
      expect(await engine.repos.accountEvents.getById("missing")).toBeNull();
      expect(await engine.repos.accountEvents.listUpdates("missing")).toEqual([]);
    });

    it("filters, searches (case-insensitive, % and _ literal) and orders events by their latest time", async () => {
      const base: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 50 };
      const ec2 = accountEvent();
      const rds = accountEvent({ arn: "arn:aws:health:eu-west-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/R1", service: "RDS", eventTypeCode: "AWS_RDS_MAINTENANCE_SCHEDULED", region: "eu-west-1", status: "open", lastUpdatedTime: T0 + 5000, startTime: T0 - 86_400_000, endTime: T0 - 3_600_000, description: "Maintenance 100%_done" });
      const iam = accountEvent({ arn: "arn:aws:health:global::event/IAM/AWS_IAM_OPERATIONAL_NOTIFICATION/I1", service: "IAM", eventTypeCode: "AWS_IAM_OPERATIONAL_NOTIFICATION", category: "accountNotification", region: null, status: "closed", lastUpdatedTime: null, startTime: null, description: "Root access keys found", accountId: "210987654321" });
      const ids = await engine.transaction(async (tx) => {
        const a = await tx.accountEvents.upsertEvent(ec2, 1000);
        const b = await tx.accountEvents.upsertEvent(rds, 1000);
        const c = await tx.accountEvents.upsertEvent(iam, T0 + 9000);
        return { ec2: a.id, rds: b.id, iam: c.id };
      });
      const list = async (overrides: Partial<AccountEventFilter>) => (await engine.repos.accountEvents.listEvents({ ...base, ...overrides })).map((event) => event.id);
      expect(await list({})).toEqual([ids.iam, ids.rds, ids.ec2]);
      expect(await list({ limit: 2 })).toEqual([ids.iam, ids.rds]);
      expect(await list({ categories: ["scheduledChange"] })).toEqual([ids.rds, ids.ec2]);
      expect(await list({ statuses: ["open", "closed"] })).toEqual([ids.iam, ids.rds]);
      expect(await list({ regions: ["eu-west-1"] })).toEqual([ids.rds]);
      expect(await list({ services: ["ec2", "Iam"] })).toEqual([ids.iam, ids.ec2]);
      expect(await list({ accounts: [ACCOUNT] })).toEqual([ids.rds, ids.ec2]);
      expect(await list({ eventTypeCodes: ["AWS_RDS_MAINTENANCE_SCHEDULED"] })).toEqual([ids.rds]);
      expect(await list({ from: T0 })).toEqual([ids.iam, ids.ec2]);
      expect(await list({ to: T0 })).toEqual([ids.iam, ids.rds]);
      expect(await list({ search: "root ACCESS" })).toEqual([ids.iam]);
      expect(await list({ search: "100%_" })).toEqual([ids.rds]);
      expect(await list({ search: "0%" })).toEqual([ids.rds]);
      expect(await list({ search: "1_0" })).toEqual([]);
      expect(await list({ search: "rds_maint" })).toEqual([ids.rds]);
      expect(await list({ search: "health:global" })).toEqual([ids.iam]);
      expect(await list({ categories: ["scheduledChange"], statuses: ["upcoming"], services: ["EC2"] })).toEqual([ids.ec2]);
    });

    it("counts open and upcoming events per facet, and lists upcoming scheduled changes' starts, without reading events", async () => {
      const { accountEvents } = engine.repos;
      expect(await accountEvents.countActiveEvents()).toEqual([]);
      expect(await accountEvents.listScheduledChangeStarts()).toEqual([]);
      const risk = "AWS_RISK_CREDENTIALS_EXPOSED";
      await engine.transaction(async (tx) =>
        tx.accountEvents.upsertEvents(
          [
            accountEvent({ arn: `${EVENT_ARN}-1`, startTime: T0 + 7200_000 }),
            accountEvent({ arn: `${EVENT_ARN}-2`, startTime: T0 + 3600_000 }),
            accountEvent({ arn: `${EVENT_ARN}-3`, startTime: null }),
            accountEvent({ arn: `${EVENT_ARN}-4`, status: "closed", startTime: T0 }),
            accountEvent({ arn: `${EVENT_ARN}-5`, category: "issue", status: "upcoming", startTime: T0 + 60_000 }),
            accountEvent({ arn: `${EVENT_ARN}-6`, category: "issue", status: "open", eventTypeCode: risk, service: "RISK", region: null, accountId: null }),
            accountEvent({ arn: `${EVENT_ARN}-7`, category: "issue", status: "open", eventTypeCode: risk, service: "RISK", region: null, accountId: null }),
            accountEvent({ arn: `${EVENT_ARN}-8`, category: "issue", status: "open", eventTypeCode: risk, service: "RISK", region: null, accountId: "210987654321" }),
          ],
          1000,
        ),
      );
      const counts = await accountEvents.countActiveEvents();
      const order = (count: { status: string; eventTypeCode: string; accountId: string | null; category: string }) => `${count.status}|${count.category}|${count.eventTypeCode}|${count.accountId}`;
      expect([...counts].sort((a, b) => order(a).localeCompare(order(b)))).toEqual([
        { status: "open", category: "issue", service: "RISK", region: null, accountId: "210987654321", eventTypeCode: risk, count: 1 },
        { status: "open", category: "issue", service: "RISK", region: null, accountId: null, eventTypeCode: risk, count: 2 },
        { status: "upcoming", category: "issue", service: "EC2", region: "us-east-1", accountId: ACCOUNT, eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", count: 1 },
        { status: "upcoming", category: "scheduledChange", service: "EC2", region: "us-east-1", accountId: ACCOUNT, eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", count: 3 },
      ]);
      expect(await accountEvents.listScheduledChangeStarts()).toEqual([T0 + 3600_000, T0 + 7200_000]);
      await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ arn: `${EVENT_ARN}-2`, status: "closed", startTime: T0 + 3600_000 }), 2000));
      expect(await accountEvents.listScheduledChangeStarts()).toEqual([T0 + 7200_000]);
      const scheduled = (await accountEvents.countActiveEvents()).find((count) => count.category === "scheduledChange");
      expect(scheduled?.count).toBe(2);
    });

    it("records a receipt once", async () => {
      expect(await engine.transaction(async (tx) => tx.accountEvents.recordReceipt(ACCOUNT, EVENT_ARN, "comm-1", 1000))).toBe(true);
      expect(await engine.transaction(async (tx) => tx.accountEvents.recordReceipt(ACCOUNT, EVENT_ARN, "comm-1", 2000))).toBe(false);
      expect(await engine.transaction(async (tx) => tx.accountEvents.recordReceipt(ACCOUNT, EVENT_ARN, "comm-2", 2000))).toBe(true);
      expect(await engine.transaction(async (tx) => tx.accountEvents.recordReceipt("210987654321", EVENT_ARN, "comm-1", 2000))).toBe(true);
    });
  });

  describe("affected entities", () => {
    it("upserts entities, counts changed rows, refreshes counts and bumps the version only on change", async () => {
      await engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
      expect(await engine.repos.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(0);
      expect(await engine.repos.accountEvents.getEntitiesVersion("missing")).toBeNull();
      const entities = Array.from({ length: 250 }, (_, index) => entity(index, { status: index % 5 === 0 ? "RESOLVED" : "IMPAIRED" }));
      expect(await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, entities))).toBe(250);
      expect(await engine.repos.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(1);
      expect((await engine.repos.accountEvents.getById(EVENT_ID))?.entityCounts).toEqual({ total: 250, byStatus: { IMPAIRED: 200, RESOLVED: 50 } });

      expect(await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, entities))).toBe(0);
      expect(await engine.repos.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(1);

      // A sparse copy (no ARN, no URL) changes nothing it does not know; a copy without a time counts but keeps it.
      const sparse = entities.slice(0, 3).map((item) => ({ ...item, entityArn: null }));
      expect(await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, sparse))).toBe(0);
      const untimed = [{ ...entity(1, { status: "IMPAIRED" }), lastUpdatedTime: null, entityArn: null }];
      expect(await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, untimed))).toBe(1);
      expect(await engine.repos.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(2);
      const page = await engine.repos.accountEvents.listEntities(EVENT_ID, entityQuery({ limit: 2 }));
      expect(page.entities[1]).toEqual({
        entityArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-00001`,
        entityValue: "i-00001",
        entityUrl: null,
        accountId: ACCOUNT,
        status: "IMPAIRED",
        lastUpdatedTime: new Date(T0 + 1000).toISOString(),
        metadata: {},
      });

      // One key twice in a batch: applied in order, each copy counted.
      const twice = [entity(7, { status: "RESOLVED" }), entity(7, { status: "PENDING", metadata: { note: "x" } })];
      expect(await engine.transaction(async (tx) => tx.accountEvents.upsertEntities(EVENT_ID, twice))).toBe(2);
      expect((await engine.repos.accountEvents.listEntities(EVENT_ID, entityQuery({ search: "i-00007" }))).entities).toEqual([
        { ...page.entities[1], entityArn: entity(7).entityArn, entityValue: "i-00007", status: "PENDING", lastUpdatedTime: new Date(T0 + 7000).toISOString(), metadata: { note: "x" } },
      ]);
      expect((await engine.repos.accountEvents.getById(EVENT_ID))?.entityCounts).toEqual({ total: 250, byStatus: { IMPAIRED: 199, PENDING: 1, RESOLVED: 50 } });

      await engine.transaction(async (tx) => tx.accountEvents.setEntityCounts(EVENT_ID, { total: 12_000, byStatus: { IMPAIRED: 12_000 } }));
      expect((await engine.repos.accountEvents.getById(EVENT_ID))?.entityCounts).toEqual({ total: 12_000, byStatus: { IMPAIRED: 12_000 } });
      expect(await engine.repos.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(3);
    });

    it("pages, filters, searches and sorts entities like SQLite (bytewise, NULL lowest)", async () => {
      await engine.transaction(async (tx) => {
        await tx.accountEvents.upsertEvent(accountEvent(), 1000);
        await tx.accountEvents.upsertEntities(EVENT_ID, [
          entity(1, { entityValue: "web-b", accountId: "222222222222", status: "IMPAIRED", lastUpdatedTime: T0 + 3000 }),
          entity(2, { entityValue: "Web-a", accountId: null, status: "RESOLVED", lastUpdatedTime: null, metadata: { name: "front" } }),
          entity(3, { entityValue: "db_1", accountId: "111111111111", status: "IMPAIRED", lastUpdatedTime: T0 + 1000 }),
          entity(4, { entityValue: "web-b", accountId: "111111111111", status: "PENDING", lastUpdatedTime: T0 + 2000, entityArn: null }),
          entity(5, { entityValue: "dbx1", accountId: "333333333333", status: "IMPAIRED", lastUpdatedTime: T0 + 1000, entityUrl: "https://console.aws.amazon.com/x" }),
        ]);
      });
      const values = async (overrides: Parameters<typeof entityQuery>[0]) => {
        const page = await engine.repos.accountEvents.listEntities(EVENT_ID, entityQuery(overrides));
        return { total: page.total, values: page.entities.map((item) => `${item.entityValue}/${item.accountId ?? "-"}`) };
      };
      // "W" < "d" < "w" bytewise; equal values fall back to the entity key (account|value), ascending.
      expect(await values({})).toEqual({ total: 5, values: ["Web-a/-", "db_1/111111111111", "dbx1/333333333333", "web-b/111111111111", "web-b/222222222222"] });
      expect(await values({ descending: true })).toEqual({ total: 5, values: ["web-b/111111111111", "web-b/222222222222", "dbx1/333333333333", "db_1/111111111111", "Web-a/-"] });
      expect(await values({ sort: "account" })).toEqual({ total: 5, values: ["Web-a/-", "db_1/111111111111", "web-b/111111111111", "web-b/222222222222", "dbx1/333333333333"] });
      expect(await values({ sort: "account", descending: true })).toEqual({ total: 5, values: ["dbx1/333333333333", "web-b/222222222222", "db_1/111111111111", "web-b/111111111111", "Web-a/-"] });
      expect(await values({ sort: "lastUpdated" })).toEqual({ total: 5, values: ["Web-a/-", "db_1/111111111111", "dbx1/333333333333", "web-b/111111111111", "web-b/222222222222"] });
      expect(await values({ sort: "lastUpdated", descending: true })).toEqual({ total: 5, values: ["web-b/222222222222", "web-b/111111111111", "db_1/111111111111", "dbx1/333333333333", "Web-a/-"] });
      expect(await values({ sort: "status" })).toEqual({ total: 5, values: ["db_1/111111111111", "web-b/222222222222", "dbx1/333333333333", "web-b/111111111111", "Web-a/-"] });
      expect(await values({ statuses: ["PENDING", "RESOLVED"] })).toEqual({ total: 2, values: ["Web-a/-", "web-b/111111111111"] });
      expect(await values({ search: "WEB" })).toEqual({ total: 3, values: ["Web-a/-", "web-b/111111111111", "web-b/222222222222"] });
      expect(await values({ search: "db_" })).toEqual({ total: 1, values: ["db_1/111111111111"] });
      expect(await values({ search: "3333" })).toEqual({ total: 1, values: ["dbx1/333333333333"] });
      expect(await values({ search: "instance/i-00003" })).toEqual({ total: 1, values: ["db_1/111111111111"] });
      expect(await values({ limit: 2 })).toEqual({ total: 5, values: ["Web-a/-", "db_1/111111111111"] });
      expect(await values({ offset: 4, limit: 2 })).toEqual({ total: 5, values: ["web-b/222222222222"] });
      expect(await values({ offset: 10, limit: 2 })).toEqual({ total: 5, values: [] });
      expect(await engine.repos.accountEvents.listEntities("missing", entityQuery())).toEqual({ total: 0, entities: [] });
    });

    it("lists a page as dictionary-encoded columns", async () => {
      await engine.transaction(async (tx) => {
        await tx.accountEvents.upsertEvent(accountEvent(), 1000);
        await tx.accountEvents.upsertEntities(EVENT_ID, [
          entity(1, { metadata: { name: "web" } }),
          entity(2, { status: "RESOLVED", lastUpdatedTime: T0 + 1000 }),
          entity(3, { accountId: null, lastUpdatedTime: null, entityArn: null }),
        ]);
      });
      const result = await engine.repos.accountEvents.listEntityColumns(EVENT_ID, entityQuery({ limit: 2, offset: 1, sort: "entity" }));
      expect(result).toEqual({
        total: 3,
        columns: {
          statuses: ["RESOLVED", "IMPAIRED"],
          accounts: [ACCOUNT],
          times: [new Date(T0 + 1000).toISOString()],
          prefix: [0, 6],
          value: ["i-00002", "3"],
          arn: [entity(2).entityArn, null],
          url: null,
          status: [0, 1],
          account: [0, -1],
          time: [0, -1],
          metadata: {},
        },
      });
      const first = await engine.repos.accountEvents.listEntityColumns(EVENT_ID, entityQuery({ limit: 1 }));
      expect(first.total).toBe(3);
      expect(first.columns.metadata).toEqual({ "0": { name: "web" } });
    });
  });

  describe("account sync state", () => {
    it("keeps target cursors, event stamps, org status and the source condition", async () => {
      const { accountSync } = engine.repos;
      expect(await accountSync.getTarget("org")).toEqual({ cursorMs: null, lastSweepAt: null });
      await engine.transaction(async (tx) => tx.accountSync.saveTarget("org", { cursorMs: T0, lastSweepAt: T0 + 1 }));
      expect(await accountSync.getTarget("org")).toEqual({ cursorMs: T0, lastSweepAt: T0 + 1 });
      await engine.transaction(async (tx) => tx.accountSync.saveTarget("org", { cursorMs: T0 + 5, lastSweepAt: null }));
      expect(await accountSync.getTarget("org")).toEqual({ cursorMs: T0 + 5, lastSweepAt: null });

      expect(await accountSync.getEventStamp("org", EVENT_ARN)).toBeNull();
      await engine.transaction(async (tx) => tx.accountSync.saveEventStamp("org", EVENT_ARN, { lastUpdatedTime: T0, status: "open", isComplete: false }, T0 + 10));
      expect(await accountSync.getEventStamp("org", EVENT_ARN)).toEqual({ lastUpdatedTime: T0, status: "open", isComplete: false });
      await engine.transaction(async (tx) => tx.accountSync.saveEventStamp("org", EVENT_ARN, { lastUpdatedTime: null, status: "closed", isComplete: true }, T0 + 20));
      expect(await accountSync.getEventStamp("org", EVENT_ARN)).toEqual({ lastUpdatedTime: null, status: "closed", isComplete: true });
      expect(await accountSync.getEventStamp("account:123", EVENT_ARN)).toBeNull();
      // Many at once: the last stamp of an ARN listed twice wins, as one by one.
      await engine.transaction(async (tx) =>
        tx.accountSync.saveEventStamps(
          "org",
          [
            { arn: `${EVENT_ARN}-2`, stamp: { lastUpdatedTime: T0, status: "open", isComplete: false } },
            { arn: EVENT_ARN, stamp: { lastUpdatedTime: T0 + 1, status: "open", isComplete: true } },
            { arn: `${EVENT_ARN}-2`, stamp: { lastUpdatedTime: T0 + 2, status: "closed", isComplete: true } },
          ],
          T0 + 30,
        ),
      );
      const stamps = await accountSync.getEventStamps("org", [EVENT_ARN, `${EVENT_ARN}-2`, `${EVENT_ARN}-never`, EVENT_ARN]);
      expect([...stamps.entries()].sort(([a], [b]) => a.localeCompare(b))).toEqual([
        [EVENT_ARN, { lastUpdatedTime: T0 + 1, status: "open", isComplete: true }],
        [`${EVENT_ARN}-2`, { lastUpdatedTime: T0 + 2, status: "closed", isComplete: true }],
      ]);
      expect((await accountSync.getEventStamps("account:123", [EVENT_ARN])).size).toBe(0);

      expect(await accountSync.getOrgStatus(ACCOUNT)).toBeNull();
      await engine.transaction(async (tx) => tx.accountSync.saveOrgStatus(ACCOUNT, "ENABLED", T0));
      await engine.transaction(async (tx) => tx.accountSync.saveOrgStatus(ACCOUNT, "PENDING", T0 + 1));
      expect(await accountSync.getOrgStatus(ACCOUNT)).toEqual({ status: "PENDING", checkedAt: T0 + 1 });

      expect(await accountSync.getCondition()).toBeNull();
      const condition = { state: "disabled" as const, reason: "SubscriptionRequiredException", since: T0, retryAt: T0 + 3_600_000 };
      await engine.transaction(async (tx) => tx.accountSync.setCondition(condition));
      expect(await accountSync.getCondition()).toEqual(condition);
      await engine.transaction(async (tx) => tx.accountSync.setCondition(null));
      expect(await accountSync.getCondition()).toBeNull();
    });
  });

  describe("ingest pages", () => {
    const key = { accountId: ACCOUNT, eventArn: EVENT_ARN, communicationBase: "abc123" };
    const receipt = (page: number, totalPages: number, isBackup = false) => ({ page, totalPages, isBackup, envelopeId: `env-${page}-${String(isBackup)}`, deliveryRegion: isBackup ? "us-west-2" : "us-east-1", entityCount: 100 });

    it("records pages idempotently, raises the page count, completes and reports pending work", async () => {
      expect(await engine.repos.ingestPages.getProgress(key)).toBeNull();
      expect(await engine.transaction(async (tx) => tx.ingestPages.recordPage(key, EVENT_ID, receipt(1, 2), 1000))).toEqual({ totalPages: 2, receivedPages: 1, isComplete: false });
      expect(await engine.transaction(async (tx) => tx.ingestPages.recordPage(key, EVENT_ID, receipt(1, 2, true), 1500))).toEqual({ totalPages: 2, receivedPages: 1, isComplete: false });
      expect(await engine.repos.ingestPages.getPage(key, 1)).toEqual({ isBackup: false, envelopeId: "env-1-false", receivedAt: 1000 });
      expect(await engine.repos.ingestPages.getPage(key, 2)).toBeNull();
      expect(await engine.repos.ingestPages.listPendingCommunications(10)).toEqual([{ ...key, eventId: EVENT_ID, totalPages: 2, receivedPages: 1, isComplete: false, firstReceivedAt: 1000 }]);
      expect(await engine.repos.ingestPages.readIngestSummary()).toEqual({ lastReceivedAt: 1000, pendingCommunications: 1 });

      // A later page may say there are more pages; never fewer.
      expect(await engine.transaction(async (tx) => tx.ingestPages.recordPage(key, EVENT_ID, receipt(2, 3), 2000))).toEqual({ totalPages: 3, receivedPages: 2, isComplete: false });
      expect(await engine.transaction(async (tx) => tx.ingestPages.recordPage(key, EVENT_ID, receipt(3, 2), 3000))).toEqual({ totalPages: 3, receivedPages: 3, isComplete: true });
      expect(await engine.repos.ingestPages.getProgress(key)).toEqual({ totalPages: 3, receivedPages: 3, isComplete: true });
      expect(await engine.transaction(async (tx) => tx.ingestPages.recordPage(key, EVENT_ID, receipt(3, 3, true), 4000))).toEqual({ totalPages: 3, receivedPages: 3, isComplete: true });
      expect(await engine.repos.ingestPages.listPendingCommunications(10)).toEqual([]);
      expect(await engine.repos.ingestPages.readIngestSummary()).toEqual({ lastReceivedAt: 3000, pendingCommunications: 0 });
    });

    it("lists pending communications oldest first, up to the limit", async () => {
      await engine.transaction(async (tx) => {
        await tx.ingestPages.recordPage({ ...key, communicationBase: "late" }, EVENT_ID, receipt(1, 2), 3000);
        await tx.ingestPages.recordPage({ ...key, communicationBase: "early" }, EVENT_ID, receipt(2, 4), 1000);
        await tx.ingestPages.recordPage({ ...key, communicationBase: "middle" }, EVENT_ID, receipt(1, 3), 2000);
      });
      expect((await engine.repos.ingestPages.listPendingCommunications(2)).map((item) => item.communicationBase)).toEqual(["early", "middle"]);
    });

    it("reads the stored event time and keeps only fresh entities", async () => {
      expect(await engine.repos.ingestPages.readEventUpdatedTime(EVENT_ID)).toBeNull();
      await engine.transaction(async (tx) => {
        await tx.accountEvents.upsertEvent(accountEvent(), 1000);
        await tx.accountEvents.upsertEntities(EVENT_ID, [entity(1, { lastUpdatedTime: T0 + 5000 }), entity(2, { lastUpdatedTime: null })]);
      });
      expect(await engine.repos.ingestPages.readEventUpdatedTime(EVENT_ID)).toBe(T0);
      const incoming = [
        entity(1, { lastUpdatedTime: T0 + 4000 }), // older than stored: dropped
        entity(1, { lastUpdatedTime: T0 + 5000 }), // as new: kept
        entity(2, { lastUpdatedTime: T0 + 1 }), // stored without a time
        entity(3, { lastUpdatedTime: null }), // not stored
      ];
      const values = (list: { entityValue: string; lastUpdatedTime: number | null }[]) => list.map((item) => `${item.entityValue}@${item.lastUpdatedTime ?? "-"}`);
      expect(values(await engine.repos.ingestPages.selectFreshEntities(EVENT_ID, incoming, false))).toEqual([`i-00001@${T0 + 5000}`, `i-00002@${T0 + 1}`, "i-00003@-"]);
      expect(values(await engine.repos.ingestPages.selectFreshEntities(EVENT_ID, incoming, true))).toEqual([`i-00001@${T0 + 5000}`, "i-00003@-"]);
      expect(await engine.repos.ingestPages.selectFreshEntities(EVENT_ID, [], true)).toEqual([]);
    });
  });

  describe("meta", () => {
    it("gets and sets values", async () => {
      expect(await engine.repos.meta.get("cursor")).toBeNull();
      await engine.transaction(async (tx) => tx.meta.set("cursor", "1"));
      await engine.transaction(async (tx) => tx.meta.set("cursor", "2"));
      expect(await engine.repos.meta.get("cursor")).toBe("2");
    });

    it("compares and sets: writes only over the value it expects, creates only when absent, removes only its own", async () => {
      const cas = (expected: string | null, next: string | null) => engine.transaction(async (tx) => tx.meta.compareAndSet("claim", expected, next));
      expect(await cas(null, null)).toBe(true);
      expect(await cas(null, "a")).toBe(true);
      expect(await cas(null, "b")).toBe(false);
      expect(await cas("b", "c")).toBe(false);
      expect(await engine.repos.meta.get("claim")).toBe("a");
      expect(await cas("a", "c")).toBe(true);
      expect(await cas(null, null)).toBe(false);
      expect(await cas("a", null)).toBe(false);
      expect(await cas("c", null)).toBe(true);
      expect(await engine.repos.meta.get("claim")).toBeNull();
    });

    it("lets exactly one of many concurrent claims win", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, index) => engine.transaction(async (tx) => tx.meta.compareAndSet("race", null, `writer-${index}`))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await engine.repos.meta.get("race")).toBe(`writer-${winner}`);
      const moves = await Promise.all(Array.from({ length: 8 }, (_, index) => engine.transaction(async (tx) => tx.meta.compareAndSet("race", `writer-${winner}`, `next-${index}`))));
      expect(moves.filter(Boolean)).toHaveLength(1);
    });
  });

  describe("journal", () => {
    const entries = [
      journalEntry({ at: T0 }),
      journalEntry({ at: T0 + 1, kind: "source.state", subject: { sourceId: "rss" }, summary: { before: "ok", after: "error" }, scope: { region: null, service: null, accountId: null, category: null } }),
      journalEntry({ at: T0 + 2, kind: "account.event.opened", subject: { eventId: EVENT_ID, arn: EVENT_ARN, accountId: ACCOUNT }, summary: { status: "open" }, scope: { region: "eu-west-1", service: "EC2", accountId: ACCOUNT, category: "issue" } }),
      journalEntry({ at: T0 + 3, kind: "public.service.status", subject: { key: "iam" }, summary: { before: "operational", after: "degraded" }, scope: { region: null, service: "iam", accountId: null, category: null } }),
    ];

    it("appends in order and reads after an id, up to a limit", async () => {
      await engine.transaction(async (tx) => tx.journal.append(entries));
      const all = await engine.repos.journal.read(0, 100, EMPTY_JOURNAL_FILTER);
      expect(all.map((entry) => ({ at: entry.at, kind: entry.kind, subject: entry.subject, summary: entry.summary, scope: entry.scope }))).toEqual(entries);
      const ids = all.map((entry) => entry.id);
      expect(ids.every((id, index) => index === 0 || id === (ids[index - 1] ?? 0) + 1)).toBe(true);
      const [first, second, third] = ids;
      expect(await engine.repos.journal.latestId()).toBe(ids.at(-1));
      expect((await engine.repos.journal.read(first ?? 0, 2, EMPTY_JOURNAL_FILTER)).map((entry) => entry.id)).toEqual([second, third]);
      expect(await engine.repos.journal.read(ids.at(-1) ?? 0, 10, EMPTY_JOURNAL_FILTER)).toEqual([]);
      await engine.transaction(async (tx) => tx.journal.append([]));
      expect(await engine.repos.journal.latestId()).toBe(ids.at(-1));
    });

    it("filters: OR within a dimension, AND across, null always matches, services case-insensitive", async () => {
      await engine.transaction(async (tx) => tx.journal.append(entries));
      const kinds = async (overrides: Partial<JournalFilter>) => (await engine.repos.journal.read(0, 100, filter(overrides))).map((entry) => entry.at - T0);
      expect(await kinds({ regions: ["us-east-1"] })).toEqual([0, 1, 3]);
      expect(await kinds({ regions: ["us-east-1", "eu-west-1"] })).toEqual([0, 1, 2, 3]);
      expect(await kinds({ services: ["EC2"] })).toEqual([0, 1, 2]);
      expect(await kinds({ services: ["IAM"] })).toEqual([1, 3]);
      expect(await kinds({ accounts: ["210987654321"] })).toEqual([0, 1, 3]);
      expect(await kinds({ categories: ["issue"] })).toEqual([0, 1, 2, 3]);
      expect(await kinds({ categories: ["scheduledChange"] })).toEqual([0, 1, 3]);
      expect(await kinds({ regions: ["eu-west-1"], services: ["ec2"] })).toEqual([1, 2]);
    });

    it("prunes old entries without ever reusing their ids", async () => {
      await engine.transaction(async (tx) => tx.journal.append(entries));
      const latest = await engine.repos.journal.latestId();
      expect(await engine.transaction(async (tx) => tx.journal.prune(T0 + 2))).toBe(2);
      expect((await engine.repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).map((entry) => entry.at - T0)).toEqual([2, 3]);
      expect(await engine.repos.journal.latestId()).toBe(latest);
      expect(await engine.transaction(async (tx) => tx.journal.prune(T0 + 100))).toBe(2);
      expect(await engine.repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).toEqual([]);
      await engine.transaction(async (tx) => tx.journal.append([journalEntry({ at: T0 + 200 })]));
      expect((await engine.repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).map((entry) => entry.id)).toEqual([latest + 1]);
    });
  });

  describe("outbox", () => {
    const delivery = (key: string, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
      key,
      channel: "ops",
      kind: "opened",
      eventId: "event-1",
      journalId: 1,
      createdAt: T0,
      deadlineAt: T0 + 3_600_000,
      message: { text: key },
      ...overrides,
    });

    it("returns the journal ids it appends, in order", async () => {
      const ids = await engine.transaction(async (tx) => tx.journal.append([journalEntry({ at: T0 }), journalEntry({ at: T0 + 1 })]));
      expect(ids).toEqual((await engine.repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).map((entry) => entry.id));
      expect(await engine.transaction(async (tx) => tx.journal.append([]))).toEqual([]);
    });

    it("enqueues once per idempotency key and lists in id order, filtered", async () => {
      expect(await engine.transaction((tx) => tx.outbox.enqueue([delivery("a"), delivery("b", { channel: "hook" }), delivery("a")]))).toBe(2);
      expect(await engine.transaction((tx) => tx.outbox.enqueue([delivery("a", { message: { text: "other" } })]))).toBe(0);
      const all = await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null });
      expect(all.map((row) => [row.key, row.channel, row.status, row.attempts, row.message])).toEqual([
        ["a", "ops", "queued", 0, { text: "a" }],
        ["b", "hook", "queued", 0, { text: "b" }],
      ]);
      expect(all[0]).toMatchObject({ kind: "opened", eventId: "event-1", journalId: 1, createdAt: T0, nextAttemptAt: T0, lastError: null, lastStatus: null, sentAt: null });
      expect((await engine.repos.outbox.list({ after: 0, limit: 10, channel: "hook", status: null })).map((row) => row.key)).toEqual(["b"]);
      expect((await engine.repos.outbox.list({ after: all[0]?.id ?? 0, limit: 10, channel: null, status: "queued" })).map((row) => row.key)).toEqual(["b"]);
      expect(await engine.repos.outbox.list({ after: 0, limit: 1, channel: null, status: "sent" })).toEqual([]);
      expect(await engine.repos.outbox.countByStatus()).toEqual({ queued: 2, sent: 0, failed: 0, expired: 0, folded: 0 });
    });

    it("claims due deliveries oldest first, one event's head at a time, each leased", async () => {
      await engine.transaction((tx) =>
        tx.outbox.enqueue([delivery("e1-opened"), delivery("e1-updated", { kind: "updated" }), delivery("e2-opened", { eventId: "event-2" }), delivery("e1-hook", { channel: "hook" })]),
      );
      const first = await engine.transaction((tx) => tx.outbox.claimDue(T0, T0 + 60_000, 10));
      expect(first.map((row) => row.key)).toEqual(["e1-opened", "e2-opened", "e1-hook"]);
      expect(await engine.transaction((tx) => tx.outbox.claimDue(T0 + 1, T0 + 60_000, 10))).toEqual([]);
      const [opened] = first;
      await engine.transaction((tx) => tx.outbox.recordAttempt(opened?.id ?? 0, { status: "sent", at: T0 + 5, nextAttemptAt: T0 + 5, lastError: null, lastStatus: 200 }));
      const next = await engine.transaction((tx) => tx.outbox.claimDue(T0 + 10, T0 + 60_000, 10));
      expect(next.map((row) => row.key)).toEqual(["e1-updated"]);
      const [sent] = await engine.repos.outbox.list({ after: 0, limit: 1, channel: null, status: "sent" });
      expect(sent).toMatchObject({ key: "e1-opened", attempts: 1, lastStatus: 200, sentAt: T0 + 5 });
      expect(await engine.transaction((tx) => tx.outbox.claimDue(T0 + 60_000, T0 + 120_000, 1))).toHaveLength(1);
    });

    it("records retries and failures, releases without counting, counts by status", async () => {
      await engine.transaction((tx) => tx.outbox.enqueue([delivery("a"), delivery("b", { eventId: "event-2" })]));
      const [a, b] = await engine.transaction((tx) => tx.outbox.claimDue(T0, T0 + 60_000, 10));
      await engine.transaction(async (tx) => {
        await tx.outbox.recordAttempt(a?.id ?? 0, { status: "queued", at: T0 + 1, nextAttemptAt: T0 + 5_000, lastError: "x".repeat(600), lastStatus: 503 });
        await tx.outbox.release(b?.id ?? 0, T0 + 2);
      });
      const rows = await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null });
      expect(rows.map((row) => [row.attempts, row.nextAttemptAt, row.lastStatus, row.lastError?.length ?? null])).toEqual([
        [1, T0 + 5_000, 503, 500],
        [0, T0 + 2, null, null],
      ]);
      expect((await engine.transaction((tx) => tx.outbox.claimDue(T0 + 2, T0 + 60_000, 10))).map((row) => row.key)).toEqual(["b"]);
      await engine.transaction((tx) => tx.outbox.recordAttempt(b?.id ?? 0, { status: "failed", at: T0 + 3, nextAttemptAt: T0 + 3, lastError: "HTTP 400", lastStatus: 400 }));
      await engine.transaction((tx) => tx.outbox.recordAttempt(a?.id ?? 0, { status: "expired", at: T0 + 9, nextAttemptAt: T0 + 9, lastError: "deadline passed", lastStatus: null }));
      expect(await engine.repos.outbox.countByStatus()).toEqual({ queued: 0, sent: 0, failed: 1, expired: 1, folded: 0 });
    });

    it("prunes finished deliveries older than the cut-off with their attempts; queued ones stay whatever their age", async () => {
      const DAY = 86_400_000;
      await engine.transaction((tx) =>
        tx.outbox.enqueue([
          delivery("old-sent"),
          delivery("old-failed", { eventId: "event-2" }),
          delivery("old-queued", { eventId: "event-3" }),
          delivery("new-sent", { eventId: "event-4", createdAt: T0 + 10 * DAY }),
        ]),
      );
      const rows = await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null });
      const id = (key: string) => rows.find((row) => row.key === key)?.id ?? 0;
      await engine.transaction(async (tx) => {
        await tx.outbox.recordAttempt(id("old-sent"), { status: "sent", at: T0 + 1, nextAttemptAt: T0 + 1, lastError: null, lastStatus: 200 });
        await tx.outbox.recordAttempt(id("old-failed"), { status: "failed", at: T0 + 2, nextAttemptAt: T0 + 2, lastError: "HTTP 400", lastStatus: 400 });
        await tx.outbox.recordAttempt(id("old-queued"), { status: "queued", at: T0 + 3, nextAttemptAt: T0 + DAY, lastError: "HTTP 503", lastStatus: 503 });
        await tx.outbox.recordAttempt(id("new-sent"), { status: "sent", at: T0 + 10 * DAY, nextAttemptAt: T0 + 10 * DAY, lastError: null, lastStatus: 200 });
      });

      expect(await engine.transaction((tx) => tx.outbox.prune(T0 + DAY))).toBe(2);
      const left = await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null });
      expect(left.map((row) => row.key)).toEqual(["old-queued", "new-sent"]);
      expect(await engine.repos.outbox.listAttempts(id("old-sent"), 10)).toEqual([]);
      expect(await engine.repos.outbox.listAttempts(id("old-failed"), 10)).toEqual([]);
      expect(await engine.repos.outbox.listAttempts(id("old-queued"), 10)).toHaveLength(1);
      expect(await engine.repos.outbox.listAttempts(id("new-sent"), 10)).toHaveLength(1);
      expect(await engine.transaction((tx) => tx.outbox.prune(T0 + DAY))).toBe(0);
    });

    it("records and clears broken channels", async () => {
      await engine.transaction((tx) => tx.outbox.setChannelBroken("ops", { targetHash: "h1", at: T0, reason: "HTTP 410" }));
      await engine.transaction((tx) => tx.outbox.setChannelBroken("ops", { targetHash: "h2", at: T0 + 1, reason: "HTTP 404" }));
      await engine.transaction((tx) => tx.outbox.setChannelBroken("hook", { targetHash: "h3", at: T0 + 2, reason: "HTTP 410" }));
      expect(await engine.repos.outbox.listBrokenChannels()).toEqual([
        { channel: "hook", targetHash: "h3", at: T0 + 2, reason: "HTTP 410" },
        { channel: "ops", targetHash: "h2", at: T0 + 1, reason: "HTTP 404" },
      ]);
      await engine.transaction((tx) => tx.outbox.setChannelBroken("hook", null));
      expect((await engine.repos.outbox.listBrokenChannels()).map((row) => row.channel)).toEqual(["ops"]);
    });

    it("concurrent claimers never get the same delivery", async () => {
      await engine.transaction((tx) => tx.outbox.enqueue(Array.from({ length: 40 }, (_, index) => delivery(`k${index}`, { eventId: `event-${index}` }))));
      const claims = await Promise.all(Array.from({ length: 4 }, () => engine.transaction((tx) => tx.outbox.claimDue(T0, T0 + 60_000, 15))));
      const keys = claims.flat().map((row) => row.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(40);
    });

    it("claims security events first, then oldest first", async () => {
      await engine.transaction((tx) =>
        tx.outbox.enqueue([delivery("plain-1"), delivery("plain-2", { eventId: "event-2" }), delivery("risk", { eventId: "event-3", isSecurity: true, change: { title: "risk" } })]),
      );
      const claimed = await engine.transaction((tx) => tx.outbox.claimDue(T0, T0 + 60_000, 2));
      expect(claimed.map((row) => [row.key, row.isSecurity])).toEqual([
        ["risk", true],
        ["plain-1", false],
      ]);
      expect(claimed[0]?.change).toEqual({ title: "risk" });
      expect(claimed[1]?.change).toBeNull();
    });

    it("keeps every attempt with its status, error, duration and answer, and each channel's last success and error", async () => {
      await engine.transaction((tx) => tx.outbox.enqueue([delivery("a"), delivery("b", { channel: "hook", eventId: "event-2" })]));
      const [a, b] = await engine.transaction((tx) => tx.outbox.claimDue(T0, T0 + 60_000, 10));
      await engine.transaction(async (tx) => {
        await tx.outbox.recordAttempt(a?.id ?? 0, { status: "queued", at: T0 + 1, nextAttemptAt: T0 + 2, lastError: "HTTP 503: busy", lastStatus: 503, durationMs: 42, responseText: "busy" });
        await tx.outbox.recordAttempt(a?.id ?? 0, { status: "sent", at: T0 + 3, nextAttemptAt: T0 + 3, lastError: null, lastStatus: 200, durationMs: 7, responseText: "ok" });
        await tx.outbox.recordAttempt(b?.id ?? 0, { status: "queued", at: T0 + 4, nextAttemptAt: T0 + 9, lastError: "timed out after 15000 ms", lastStatus: null, durationMs: 15_000, responseText: null });
      });
      expect(await engine.repos.outbox.listAttempts(a?.id ?? 0, 10)).toEqual([
        { deliveryId: a?.id, at: T0 + 1, outcome: "queued", responseStatus: 503, error: "HTTP 503: busy", durationMs: 42, responseText: "busy" },
        { deliveryId: a?.id, at: T0 + 3, outcome: "sent", responseStatus: 200, error: null, durationMs: 7, responseText: "ok" },
      ]);
      expect(await engine.repos.outbox.listAttempts(a?.id ?? 0, 1)).toHaveLength(1);
      expect(await engine.repos.outbox.get(a?.id ?? 0)).toMatchObject({ key: "a", status: "sent", attempts: 2, lastStatus: 200 });
      expect(await engine.repos.outbox.get(9_999)).toBeNull();
      expect(await engine.repos.outbox.listChannelActivity()).toEqual([
        { channel: "hook", lastSuccessAt: null, lastErrorAt: T0 + 4, lastError: "timed out after 15000 ms" },
        { channel: "ops", lastSuccessAt: T0 + 3, lastErrorAt: T0 + 1, lastError: "HTTP 503: busy" },
      ]);
    });

    it("folds a channel's waiting deliveries into one digest, atomically and once", async () => {
      await engine.transaction((tx) =>
        tx.outbox.enqueue([
          ...Array.from({ length: 5 }, (_, index) => delivery(`ops-${index}`, { eventId: `event-${index}`, createdAt: T0 + index, change: { index } })),
          delivery("ops-risk", { eventId: "event-risk", isSecurity: true }),
          delivery("hook-0", { channel: "hook" }),
          delivery("ops-later", { eventId: "event-later", createdAt: T0 + 50_000 }),
        ]),
      );
      // Not yet due (created later) and security are not foldable; the window counts from `since`.
      expect(await engine.repos.outbox.countFoldable("ops", T0 + 10, T0)).toBe(5);
      expect(await engine.repos.outbox.countFoldable("ops", T0 + 10, T0 + 3)).toBe(2);
      const digestFor = (key: string): NewDelivery => delivery(key, { kind: "digest", eventId: `digest:${key}`, createdAt: T0 + 20, message: { text: "digest" } });
      const digestId = await engine.transaction(async (tx) => {
        const rows = await tx.outbox.selectFoldable("ops", T0 + 10, 100);
        expect(rows.map((row) => row.key)).toEqual(["ops-0", "ops-1", "ops-2", "ops-3", "ops-4"]);
        return tx.outbox.fold(
          rows.map((row) => row.id),
          digestFor("ops:digest:1"),
        );
      });
      expect(digestId).toEqual(expect.any(Number));
      const folded = await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: "folded" });
      expect(folded.map((row) => [row.key, row.foldedInto])).toEqual(Array.from({ length: 5 }, (_, index) => [`ops-${index}`, digestId]));
      expect((await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null, foldedInto: digestId })).map((row) => row.key)).toHaveLength(5);
      expect((await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null, kind: "digest" })).map((row) => [row.id, row.status])).toEqual([[digestId, "queued"]]);
      expect(await engine.repos.outbox.countFoldable("ops", T0 + 60_000, T0)).toBe(1);
      // The same digest key twice is refused; folding a row that is no longer queued rolls the whole fold back.
      expect(await engine.transaction((tx) => tx.outbox.fold([], digestFor("ops:digest:1")))).toBeNull();
      const [first] = folded;
      await expect(engine.transaction((tx) => tx.outbox.fold([first?.id ?? 0], digestFor("ops:digest:2")))).rejects.toThrow(/no longer queued/);
      expect(await engine.repos.outbox.list({ after: 0, limit: 10, channel: null, status: null, kind: "digest" })).toHaveLength(1);
      expect(await engine.repos.outbox.countByStatus()).toEqual({ queued: 4, sent: 0, failed: 0, expired: 0, folded: 5 });
    });

    it("a storm counts waiting deliveries whether due, leased by a claimer or backing off", async () => {
      await engine.transaction((tx) => tx.outbox.enqueue(Array.from({ length: 4 }, (_, index) => delivery(`w${index}`, { eventId: `event-${index}`, createdAt: T0 + index }))));
      const claimed = await engine.transaction((tx) => tx.outbox.claimDue(T0 + 10, T0 + 60_000, 2));
      expect(claimed).toHaveLength(2);
      await engine.transaction((tx) => tx.outbox.recordAttempt(claimed[0]?.id ?? 0, { status: "queued", at: T0 + 11, nextAttemptAt: T0 + 30_000, lastError: "HTTP 503", lastStatus: 503 }));
      expect(await engine.repos.outbox.countFoldable("ops", T0 + 10, T0)).toBe(4);
      // Only what is due can be folded; the leased and the backing-off ones stay with their claimer.
      expect((await engine.transaction((tx) => tx.outbox.selectFoldable("ops", T0 + 10, 100))).map((row) => row.key)).toEqual(["w2", "w3"]);
      // A claimer folding a storm names its own claimed ones: they join the due ones; a backing-off one named is
      // still queued and joins too, and a claimed security message or digest never does.
      expect((await engine.transaction((tx) => tx.outbox.selectFoldable("ops", T0 + 10, 100, [claimed[1]?.id ?? 0]))).map((row) => row.key)).toEqual([claimed[1]?.key, "w2", "w3"]);
      await engine.transaction((tx) => tx.outbox.recordAttempt(claimed[1]?.id ?? 0, { status: "sent", at: T0 + 12, nextAttemptAt: T0 + 12, lastError: null, lastStatus: 200 }));
      expect(await engine.repos.outbox.countFoldable("ops", T0 + 10, T0)).toBe(3);
      // Once sent it is no longer queued: naming it folds nothing more.
      expect((await engine.transaction((tx) => tx.outbox.selectFoldable("ops", T0 + 10, 100, [claimed[1]?.id ?? 0]))).map((row) => row.key)).toEqual(["w2", "w3"]);
      await engine.transaction((tx) =>
        tx.outbox.enqueue([
          delivery("alarm", { eventId: "event-alarm", isSecurity: true, createdAt: T0 + 50_000 }),
          delivery("digest", { kind: "digest", eventId: "digest:1", createdAt: T0 + 50_000 }),
          delivery("other", { channel: "other", eventId: "event-other", createdAt: T0 + 50_000 }),
        ]),
      );
      const named = (await engine.repos.outbox.list({ after: 0, limit: 100, channel: null, status: null })).filter((row) => ["alarm", "digest", "other"].includes(row.key));
      expect(named).toHaveLength(3);
      expect((await engine.transaction((tx) => tx.outbox.selectFoldable("ops", T0 + 10, 100, named.map((row) => row.id)))).map((row) => row.key)).toEqual(["w2", "w3"]);
    });

    it("two folding transactions at once never fold one delivery twice", async () => {
      await engine.transaction((tx) => tx.outbox.enqueue(Array.from({ length: 30 }, (_, index) => delivery(`k${index}`, { eventId: `event-${index}` }))));
      const folds = await Promise.allSettled(
        Array.from({ length: 3 }, (_, round) =>
          engine.transaction(async (tx) => {
            const rows = await tx.outbox.selectFoldable("ops", T0, 1000);
            if (rows.length === 0) return null;
            return tx.outbox.fold(
              rows.map((row) => row.id),
              delivery(`digest-${round}`, { kind: "digest", eventId: `digest-${round}` }),
            );
          }),
        ),
      );
      const folded = await engine.repos.outbox.list({ after: 0, limit: 100, channel: null, status: "folded" });
      expect(folded).toHaveLength(30);
      const digests = await engine.repos.outbox.list({ after: 0, limit: 100, channel: null, status: null, kind: "digest" });
      // Every digest that exists carries deliveries, and every folded delivery names one of them.
      expect(new Set(folded.map((row) => row.foldedInto))).toEqual(new Set(digests.map((row) => row.id)));
      expect(folds.filter((fold) => fold.status === "fulfilled" && fold.value !== null).length).toBe(digests.length);
      // The later folders wait for the first and find nothing left: one storm, one digest (not split into parts).
      expect(digests).toHaveLength(1);
    });

    it("writes a change's deliveries in the change's transaction, through the store's router", async () => {
      const store = createHealthdeckStore(engine);
      store.setOutboxRouter(async (entries) => entries.map((entry) => delivery(`ops:${entry.id}`, { journalId: entry.id, kind: entry.kind })));
      await store.write(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), T0));
      const [entry] = await store.journal.read(0, 10, EMPTY_JOURNAL_FILTER);
      expect((await store.outbox.list({ after: 0, limit: 10, channel: null, status: null })).map((row) => [row.key, row.journalId, row.kind])).toEqual([
        [`ops:${entry?.id}`, entry?.id, "account.event.opened"],
      ]);
      store.setOutboxRouter(async () => {
        throw new Error("router failed");
      });
      await expect(store.write(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ status: "closed" }), T0 + 1))).rejects.toThrow("router failed");
      expect(await store.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).toHaveLength(1);
      expect((await engine.repos.accountEvents.getById(EVENT_ID))?.status).not.toBe("closed");
      store.setOutboxRouter(null);
      await store.write(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ status: "closed" }), T0 + 1));
      expect(await store.outbox.countByStatus()).toEqual({ queued: 1, sent: 0, failed: 0, expired: 0, folded: 0 });
    });
  });

  describe("auth tokens and audit log", () => {
    const token = (overrides: Partial<AuthTokenRecord> = {}): AuthTokenRecord => ({
      id: "tok-1",
      kind: "display",
      name: "NOC wall",
      secretHash: "a".repeat(64),
      scopes: ["read-status", "read-account"],
      viewPath: "/noc?account=111111111111",
      accounts: ["111111111111"],
      createdAt: T0,
      createdBy: "alice",
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
      lastUsedAddress: null,
      ...overrides,
    });

    it("finds a token by the hash of its secret, lists by kind newest first, and keeps only hashes", async () => {
      await engine.transaction(async (tx) => {
        await tx.authTokens.create(token());
        await tx.authTokens.create(token({ id: "tok-2", kind: "api", secretHash: "b".repeat(64), accounts: null, viewPath: null, scopes: ["ingest"], expiresAt: T0 + 1000 }));
        await tx.authTokens.create(token({ id: "tok-3", secretHash: "c".repeat(64), createdAt: T0 + 5 }));
      });
      expect(await engine.repos.authTokens.findBySecretHash("a".repeat(64))).toEqual(token());
      expect(await engine.repos.authTokens.findBySecretHash("d".repeat(64))).toBeNull();
      expect((await engine.repos.authTokens.list("display")).map((row) => row.id)).toEqual(["tok-3", "tok-1"]);
      expect(await engine.repos.authTokens.list("api")).toEqual([token({ id: "tok-2", kind: "api", secretHash: "b".repeat(64), accounts: null, viewPath: null, scopes: ["ingest"], expiresAt: T0 + 1000 })]);
      await expect(engine.transaction((tx) => tx.authTokens.create(token({ id: "tok-4" })))).rejects.toThrow();
    });

    it("revokes once and records the last use with its address", async () => {
      await engine.transaction((tx) => tx.authTokens.create(token()));
      expect(await engine.transaction((tx) => tx.authTokens.revoke("tok-1", T0 + 10))).toBe(true);
      expect(await engine.transaction((tx) => tx.authTokens.revoke("tok-1", T0 + 20))).toBe(false);
      expect(await engine.transaction((tx) => tx.authTokens.revoke("nope", T0 + 20))).toBe(false);
      await engine.transaction((tx) => tx.authTokens.markUsed("tok-1", T0 + 30, "10.0.0.7"));
      expect(await engine.repos.authTokens.getById("tok-1")).toMatchObject({ revokedAt: T0 + 10, lastUsedAt: T0 + 30, lastUsedAddress: "10.0.0.7" });
    });

    it("appends audit entries and pages them newest first", async () => {
      await engine.transaction(async (tx) => {
        for (let index = 0; index < 5; index += 1) {
          await tx.audit.append({ at: T0 + index, actor: "alice", action: index === 0 ? "sign-in" : "token-used", subject: `tok-${index}`, detail: null, address: "127.0.0.1" });
        }
      });
      const first = await engine.repos.audit.list({ before: null, limit: 2 });
      expect(first.map((entry) => entry.subject)).toEqual(["tok-4", "tok-3"]);
      const next = await engine.repos.audit.list({ before: first.at(-1)!.id, limit: 10 });
      expect(next.map((entry) => entry.subject)).toEqual(["tok-2", "tok-1", "tok-0"]);
      expect(next.at(-1)).toMatchObject({ at: T0, actor: "alice", action: "sign-in", detail: null, address: "127.0.0.1" });
    });
  });

  describe("transactions", () => {
    it("commits the work's writes together and returns its value", async () => {
      const heard: number[] = [];
      engine.onCommit((id) => heard.push(id));
      const value = await engine.transaction(async (tx) => {
        await tx.sources.recordAttempt("rss", 1000);
        await tx.journal.append([journalEntry(), journalEntry({ at: T0 + 1 })]);
        return "done";
      });
      expect(value).toBe("done");
      const latest = await engine.repos.journal.latestId();
      expect(latest).toBeGreaterThan(0);
      expect(heard).toEqual([latest]);
      await engine.transaction(async (tx) => tx.meta.set("x", "1"));
      expect(heard).toEqual([latest, latest]);
    });

    it("rolls back everything when the work throws", async () => {
      const heard: number[] = [];
      engine.onCommit((id) => heard.push(id));
      const failure = new Error("poll failed half-way");
      await expect(
        engine.transaction(async (tx) => {
          await tx.sources.recordSuccess("rss", 1000, null);
          await tx.accountEvents.upsertEvent(accountEvent(), 1000);
          await tx.accountEvents.upsertEntities(EVENT_ID, [entity(1)]);
          await tx.journal.append([journalEntry()]);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await engine.repos.sources.get("rss")).toBeNull();
      expect(await engine.repos.accountEvents.getById(EVENT_ID)).toBeNull();
      expect(await engine.repos.journal.latestId()).toBe(0);
      expect(await engine.repos.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).toEqual([]);
      expect(heard).toEqual([]);
      // The engine is still usable.
      await engine.transaction(async (tx) => tx.meta.set("after", "ok"));
      expect(await engine.repos.meta.get("after")).toBe("ok");
    });

    it("keeps uncommitted writes invisible to reads outside the transaction", async () => {
      const seenOutside = await engine.transaction(async (tx) => {
        await tx.meta.set("draft", "1");
        await tx.journal.append([journalEntry()]);
        expect(await tx.meta.get("draft")).toBe("1");
        return { meta: await engine.repos.meta.get("draft"), latest: await engine.repos.journal.latestId() };
      });
      expect(seenOutside).toEqual({ meta: null, latest: 0 });
      expect(await engine.repos.meta.get("draft")).toBe("1");
    });

    it("stops announcing commits to an unsubscribed listener", async () => {
      const heard: number[] = [];
      const unsubscribe = engine.onCommit((id) => heard.push(id));
      await engine.transaction(async (tx) => tx.meta.set("a", "1"));
      unsubscribe();
      await engine.transaction(async (tx) => tx.meta.set("a", "2"));
      expect(heard).toEqual([0]);
    });
  });

  describe("concurrent writers", () => {
    it("gives 20 concurrent appenders contiguous, gap-free ids in read order", async () => {
      const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      await Promise.all(
        Array.from({ length: 20 }, (_, writer) =>
          engine.transaction(async (tx) => {
            await pause();
            await tx.journal.append([0, 1, 2].map((n) => journalEntry({ at: T0 + writer, summary: { writer, n } })));
            await pause();
          }),
        ),
      );
      const read = await engine.repos.journal.read(0, 1000, EMPTY_JOURNAL_FILTER);
      expect(read).toHaveLength(60);
      const first = read[0]?.id ?? 0;
      expect(read.map((entry) => entry.id)).toEqual(Array.from({ length: 60 }, (_, index) => first + index));
      expect(await engine.repos.journal.latestId()).toBe(first + 59);
      // Each transaction's entries stay together.
      for (let index = 0; index < 60; index += 3) {
        const group = read.slice(index, index + 3).map((entry) => entry.summary);
        expect(group.map((summary) => summary.n)).toEqual([0, 1, 2]);
        expect(new Set(group.map((summary) => summary.writer)).size).toBe(1);
      }
    });

    it("accepts a receipt exactly once among 10 concurrent transactions", async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => engine.transaction(async (tx) => tx.accountEvents.recordReceipt(ACCOUNT, EVENT_ARN, "comm-1", 1000 + index))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("completes a paged communication when its last two pages arrive at once", async () => {
      const key = { accountId: ACCOUNT, eventArn: EVENT_ARN, communicationBase: "race" };
      const progress = await Promise.all(
        [1, 2].map((page) => engine.transaction(async (tx) => tx.ingestPages.recordPage(key, EVENT_ID, { page, totalPages: 2, isBackup: false, envelopeId: `e${page}`, deliveryRegion: null, entityCount: 1 }, 1000))),
      );
      expect(progress.some((item) => item.isComplete)).toBe(true);
      expect(await engine.repos.ingestPages.getProgress(key)).toEqual({ totalPages: 2, receivedPages: 2, isComplete: true });
    });

    it("merges concurrent first copies of one account event into one row", async () => {
      const outcomes = await Promise.all([
        engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000)),
        engine.transaction(async (tx) => tx.accountEvents.upsertEvent(accountEvent({ origin: "eventbridge", description: null }), 1000)),
      ]);
      expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      expect((await engine.repos.accountEvents.getById(EVENT_ID))?.origins).toEqual(["api", "eventbridge"]);
    });
  });
});
