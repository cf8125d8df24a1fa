import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestEventBridgeEvents } from "@/lib/server/ingest/ingest-eventbridge-events";
import type { NormalizedHealthEvent } from "@/lib/server/sources/eventbridge/normalize-health-event";
import { parseEventBridgePayload } from "@/lib/server/sources/eventbridge/parse-eventbridge-payload";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { openDatabase } from "@/lib/server/store/sqlite/open-database";
import { makeBackupCopy, makeLambdaPage, readSample, type SampleEvent } from "@/tests/fixtures/account-health/eventbridge-samples";

const NOW = Date.parse("2026-03-01T00:00:00Z");
let store: HealthdeckStore | undefined;
let dataDir: string | null = null;
afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

function track(opened: HealthdeckStore): void {
  store = opened;
}

function normalize(...samples: SampleEvent[]): NormalizedHealthEvent[] {
  const result = parseEventBridgePayload(samples, NOW);
  if (!result.ok) throw new Error(result.error);
  return result.events;
}

const entityQuery = { offset: 0, limit: 1000, search: null, statuses: [], sort: "entity", descending: false } as const;

describe("ingestEventBridgeEvents", () => {
  it("stores an event once however often it is delivered, within a request and across requests", async () => {
    const store = openHealthdeckStore(":memory:");
    track(store);
    const first = await ingestEventBridgeEvents(store, normalize(readSample("instanceRetirement"), readSample("instanceRetirement")), NOW);
    expect(first.accepted).toBe(1);
    expect(first.duplicates).toBe(1);
    expect(first.results.map((result) => result.outcome)).toEqual(["stored", "duplicate"]);
    const again = await ingestEventBridgeEvents(store, normalize(readSample("instanceRetirement")), NOW + 1000);
    expect(again.results[0]).toMatchObject({ outcome: "duplicate", page: 1, totalPages: 1, receivedPages: 1, isComplete: true });

    const id = first.results[0]?.id ?? "";
    const event = await store.accountEvents.getById(id);
    expect(event).toMatchObject({ status: "open", origins: ["eventbridge"], entityCounts: { total: 1, byStatus: { PENDING: 1 } } });
    expect(await store.accountEvents.listUpdates(id)).toHaveLength(1);
  });

  it("deduplicates the 2016 event without a communication id on its envelope id and time", async () => {
    const store = openHealthdeckStore(":memory:");
    track(store);
    await ingestEventBridgeEvents(store, normalize(readSample("credentialsExposed2016")), NOW);
    const again = await ingestEventBridgeEvents(store, normalize(readSample("credentialsExposed2016")), NOW);
    expect(again.results[0]?.outcome).toBe("duplicate");
    const [event] = await store.accountEvents.listEvents({ categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 10 });
    expect(event).toMatchObject({ eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED", isSecurity: true, entityCounts: { total: 1 } });
  });

  it("reassembles ten pages arriving in any order and marks the communication complete with the last one", async () => {
    const store = openHealthdeckStore(":memory:");
    track(store);
    const order = [7, 2, 10, 1, 5, 9, 3, 8, 6, 4];
    const outcomes = [];
    for (const [step, page] of order.entries()) {
      const [result] = (await ingestEventBridgeEvents(store, normalize(makeLambdaPage(page)), NOW + step)).results;
      outcomes.push(result);
    }
    expect(outcomes.map((result) => [result?.page, result?.receivedPages, result?.isComplete])).toEqual(
      order.map((page, step) => [page, step + 1, step === 9]),
    );
    const id = outcomes[0]?.id ?? "";
    expect((await store.accountEvents.getById(id))?.entityCounts).toEqual({ total: 40, byStatus: { PENDING: 30, RESOLVED: 10 } });
    expect((await store.accountEvents.listEntities(id, entityQuery)).entities.map((entity) => entity.entityValue)).toContain(
      "arn:aws:lambda:us-west-2:123456789012:function:fn-10-3",
    );
    expect(await store.accountEvents.listUpdates(id)).toHaveLength(1);
    expect(await store.ingestPages.readIngestSummary()).toEqual({ lastReceivedAt: NOW + 9, pendingCommunications: 0 });
  });

  it("merges backup-region copies whichever arrives first, and uses the backup when the primary never comes", async () => {
    const store = openHealthdeckStore(":memory:");
    track(store);
    const page1 = makeLambdaPage(1, 2);
    const page2 = makeLambdaPage(2, 2);
    const first = await ingestEventBridgeEvents(store, normalize(page1, makeBackupCopy(page1), makeBackupCopy(page2)), NOW);
    expect(first.results.map((result) => [result.outcome, result.isBackup, result.receivedPages])).toEqual([
      ["stored", false, 1],
      ["backup-merged", true, 1],
      ["stored", true, 2],
    ]);
    expect(first).toMatchObject({ accepted: 2, duplicates: 1 });
    const late = await ingestEventBridgeEvents(store, normalize(page2, makeBackupCopy(page2)), NOW + 1);
    expect(late.results.map((result) => result.outcome)).toEqual(["backup-merged", "duplicate"]);
    expect((await store.accountEvents.getById(first.results[0]?.id ?? ""))?.entityCounts.total).toBe(8);
  });

  it("keeps the newer state when an older communication arrives late", async () => {
    const store = openHealthdeckStore(":memory:");
    track(store);
    const older = readSample("instanceRetirement");
    const newer = readSample("instanceRetirement");
    newer.detail = {
      ...newer.detail,
      communicationId: "5678def-1",
      statusCode: "closed",
      lastUpdatedTime: "Mon, 2 Feb 2026 10:00:00 GMT",
      affectedEntities: [{ entityValue: "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0", status: "RESOLVED", lastUpdatedTime: "Mon, 2 Feb 2026 09:00:00 GMT" }],
    };
    await ingestEventBridgeEvents(store, normalize(newer), NOW);
    const late = await ingestEventBridgeEvents(store, normalize(older), NOW + 1);
    expect(late.results[0]).toMatchObject({ outcome: "stored", isSuperseded: true });
    const event = await store.accountEvents.getById(late.results[0]?.id ?? "");
    expect(event).toMatchObject({ status: "closed", entityCounts: { total: 1, byStatus: { RESOLVED: 1 } } });
  });

  it("stores nothing of a request when any part of its transaction fails", async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-ingest-unit-"));
    const db = openDatabase(dataDir);
    db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON account_entities WHEN NEW.entity_value = 'boom'
      BEGIN SELECT RAISE(ABORT, 'boom refused'); END`);
    db.close();
    const store = openHealthdeckStore(dataDir);
    track(store);
    const poisoned = readSample("credentialsExposed2016");
    poisoned.detail = { ...poisoned.detail, affectedEntities: [{ entityValue: "boom" }] };
    await expect(ingestEventBridgeEvents(store, normalize(readSample("instanceRetirement"), poisoned), NOW)).rejects.toThrow("boom refused");
    const retry = await ingestEventBridgeEvents(store, normalize(readSample("instanceRetirement")), NOW);
    expect(retry.results[0]?.outcome).toBe("stored");
  });
});
