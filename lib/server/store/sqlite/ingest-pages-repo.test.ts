import { afterEach, describe, expect, it } from "vitest";
import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { deriveEntityKey } from "@/lib/server/domain/derive-record-ids";
import { createAccountEventsRepo } from "@/lib/server/store/sqlite/account-events-repo";
import { createIngestPagesRepo } from "@/lib/server/store/sqlite/ingest-pages-repo";
import { MIGRATIONS } from "@/lib/server/store/sqlite/migrations";
import { openDatabase, type SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

const ARN = "arn:aws:health:us-west-2::event/LAMBDA/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT/1";
const key = { accountId: "123456789012", eventArn: ARN, communicationBase: "abc" };
const receipt = (page: number, totalPages = 3) => ({ page, totalPages, isBackup: false, envelopeId: `e-${page}`, deliveryRegion: "us-west-2", entityCount: 1 });

let db: SqliteDatabase | undefined;
afterEach(() => {
  if (db?.open) db.close();
  db = undefined;
});

function entity(overrides: Partial<AffectedEntityRecord>): AffectedEntityRecord {
  return { eventArn: ARN, accountId: "123456789012", entityArn: null, entityValue: "fn-1", entityUrl: null, status: "PENDING", lastUpdatedTime: 1000, metadata: {}, ...overrides };
}

describe("ingest pages repo", () => {
  it("is part of the migrated schema", () => {
    db = openDatabase(":memory:");
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('ingest_pages', 'ingest_communications') ORDER BY name").pluck().all()).toEqual([
      "ingest_communications",
      "ingest_pages",
    ]);
  });

  it("counts pages once each and completes the communication with the last one", async () => {
    db = openDatabase(":memory:");
    const pages = createIngestPagesRepo(db);
    expect(await pages.recordPage(key, "ev", receipt(3), 10)).toEqual({ totalPages: 3, receivedPages: 1, isComplete: false });
    expect(await pages.recordPage(key, "ev", receipt(3), 11)).toEqual({ totalPages: 3, receivedPages: 1, isComplete: false });
    await pages.recordPage(key, "ev", receipt(1), 12);
    expect(await pages.listPendingCommunications(100)).toEqual([{ ...key, eventId: "ev", totalPages: 3, receivedPages: 2, isComplete: false, firstReceivedAt: 10 }]);
    expect(await pages.recordPage(key, "ev", receipt(2), 13)).toEqual({ totalPages: 3, receivedPages: 3, isComplete: true });
    expect(await pages.listPendingCommunications(100)).toEqual([]);
    expect(await pages.getPage(key, 2)).toEqual({ isBackup: false, envelopeId: "e-2", receivedAt: 13 });
    expect(await pages.getPage(key, 4)).toBeNull();
    expect(await pages.readIngestSummary()).toEqual({ lastReceivedAt: 13, pendingCommunications: 0 });
  });

  it("finds entities under the key the account events repo files them by", async () => {
    db = openDatabase(":memory:");
    const pages = createIngestPagesRepo(db);
    const accountEvents = createAccountEventsRepo(db);
    const { id } = await accountEvents.upsertEvent(
      { arn: ARN, accountId: "123456789012", service: "LAMBDA", eventTypeCode: "X", category: "scheduledChange", region: "us-west-2", availabilityZone: null, status: "open", scope: null, startTime: null, endTime: null, lastUpdatedTime: 5000, description: null, metadata: null, actionability: null, personas: null, origin: "eventbridge" },
      1,
    );
    const byValue = entity({ entityValue: "fn-1", lastUpdatedTime: 2000 });
    const byArn = entity({ entityArn: "arn:aws:health:us-west-2:123456789012:entity/9", entityValue: "fn-9", lastUpdatedTime: 2000 });
    await accountEvents.upsertEntities(id, [byValue, byArn]);
    const keys = db.prepare("SELECT entity_key FROM account_entities WHERE event_id = ? ORDER BY entity_key").pluck().all(id);
    expect(keys).toEqual([deriveEntityKey(byArn), deriveEntityKey(byValue)].sort());
    // The same resource from the Health API (with its entity ARN) and from EventBridge (without) is one row.
    await accountEvents.upsertEntities(id, [{ ...byValue, entityArn: "arn:aws:health:us-west-2:123456789012:entity/1" }]);
    expect(db.prepare("SELECT COUNT(*) FROM account_entities WHERE event_id = ?").pluck().get(id)).toBe(2);

    const older = [entity({ entityValue: "fn-1", lastUpdatedTime: 1000 }), { ...byArn, lastUpdatedTime: 1000 }];
    expect(await pages.selectFreshEntities(id, older, false)).toEqual([]);
    const undated = [entity({ entityValue: "fn-1", lastUpdatedTime: null }), entity({ entityValue: "fn-new", lastUpdatedTime: null })];
    expect((await pages.selectFreshEntities(id, undated, false)).map((item) => item.entityValue)).toEqual(["fn-1", "fn-new"]);
    expect((await pages.selectFreshEntities(id, undated, true)).map((item) => item.entityValue)).toEqual(["fn-new"]);
    expect(await pages.readEventUpdatedTime(id)).toBe(5000);
    expect(await pages.readEventUpdatedTime("nope")).toBeNull();
  });
});
