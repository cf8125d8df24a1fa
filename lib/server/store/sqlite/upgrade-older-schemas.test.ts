import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { EMPTY_JOURNAL_FILTER } from "@/lib/server/store/contract/journal-contract";
import { createHealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { MIGRATIONS } from "@/lib/server/store/sqlite/migrations";
import { DATABASE_FILE_NAME } from "@/lib/server/store/sqlite/open-database";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { ACCOUNT, ARN, EVENT_ID, UPDATE, seedAtVersion } from "@/tests/support/seed-older-sqlite";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("a SQLite database written by an older Healthdeck", () => {
  it("knows every schema version up to this one", () => {
    expect(MIGRATIONS.length).toBe(10);
  });

  it.each(Array.from({ length: MIGRATIONS.length - 1 }, (_, index) => index + 1))("at schema version %i is upgraded in place, keeping its rows and their meaning", async (version) => {
    const dir = mkdtempSync(path.join(tmpdir(), `healthdeck-upgrade-${version}-`));
    dirs.push(dir);
    seedAtVersion(dir, version);
    const store = createHealthdeckStore(openSqliteEngine(dir));
    try {
      expect(await store.sources.get("public-rss")).toEqual({ id: "public-rss", lastAttemptAt: 2000, lastSuccessAt: 1000, lastError: "HTTP 503", lastErrorAt: 2000, note: null });
      expect(await store.validators.get("https://status.aws.amazon.com/rss/all.rss")).toEqual({ etag: '"abc"' });
      expect(await store.catalog.list()).toEqual([{ key: "ec2-us-east-1", service: "ec2", region: "us-east-1", name: "Amazon EC2", regionName: "N. Virginia" }]);
      expect(await store.updates.listForKey("ec2-us-east-1")).toEqual([{ ...UPDATE, resolved: false }]);
      const open = await store.events.listOpen();
      expect(open.map((event) => [event.id, event.status, event.resolved, event.updates.length])).toEqual([["ec2-us-east-1_1765000000", "degraded", false, 1]]);
      expect(await store.meta.get("public.currentevents.checkedAt")).toBe("1765000000");
      expect(await store.journal.latestId()).toBe(0);

      if (version >= 2) {
        const event = await store.accountEvents.getById(EVENT_ID);
        expect([event?.status, event?.description, event?.entityCounts, event?.startTime]).toEqual(["upcoming", "Your instance will be retired.", { total: 1, byStatus: { IMPAIRED: 1 } }, new Date(5000).toISOString()]);
        expect(await store.accountEvents.listUpdates(EVENT_ID)).toEqual([{ at: new Date(4000).toISOString(), status: "upcoming", description: "Your instance will be retired." }]);
        const page = await store.accountEvents.listEntities(EVENT_ID, { offset: 0, limit: 10, search: null, statuses: [], sort: "entity", descending: false });
        expect(page.entities.map((entity) => [entity.entityValue, entity.status])).toEqual([["i-0abc", "IMPAIRED"]]);
        // A delivery received before the upgrade is still known: a redelivery after it is a duplicate.
        expect(await store.write((tx) => tx.accountEvents.recordReceipt(ACCOUNT, ARN, "comm-1", 9000))).toBe(false);
        expect(await store.accountEvents.getEntitiesVersion(EVENT_ID)).toBe(version >= 6 ? 3 : 0);
      }
      if (version >= 3) expect(await store.ingestPages.getProgress({ accountId: ACCOUNT, eventArn: ARN, communicationBase: "comm" })).toEqual({ totalPages: 2, receivedPages: 1, isComplete: false });
      if (version >= 4) {
        expect(await store.accountSync.getTarget(`account:${ACCOUNT}`)).toEqual({ cursorMs: 6000, lastSweepAt: 5000 });
        expect(await store.accountSync.getEventStamp(`account:${ACCOUNT}`, ARN)).toEqual({ lastUpdatedTime: 4000, status: "upcoming", isComplete: true });
        expect(await store.accountSync.getOrgStatus(ACCOUNT)).toEqual({ status: "ENABLED", checkedAt: 6000 });
      }
      if (version >= 8) {
        // A delivery queued before the delivery log existed is still sent: not security, nothing folded, no attempts yet.
        const [queued] = await store.outbox.list({ after: 0, limit: 10, channel: null, status: null });
        expect(queued).toEqual(expect.objectContaining({ key: "ops:e:opened", status: "queued", isSecurity: false, foldedInto: null, change: null, message: { body: { text: "hi" } } }));
        expect(await store.outbox.listAttempts(queued?.id ?? 0, 10)).toEqual([]);
      }

      // The upgraded database journals what changes next, from the stored state it kept.
      await store.write((tx) => tx.sources.recordSuccess("public-rss", 3000, null));
      expect((await store.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).map((entry) => [entry.id, entry.kind, entry.summary.before, entry.summary.after])).toEqual([[1, "source.state", "error", "ok"]]);
    } finally {
      await store.close();
    }
    const reopened = new Database(path.join(dir, DATABASE_FILE_NAME), { readonly: true });
    expect(reopened.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    reopened.close();
  });
});
