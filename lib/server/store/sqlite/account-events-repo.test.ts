import { describe, expect, it } from "vitest";
import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const ARN = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_123";

function record(overrides: Partial<AccountEventRecord> = {}): AccountEventRecord {
  return {
    arn: ARN,
    accountId: "123456789012",
    service: "EC2",
    eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
    category: "scheduledChange",
    region: "us-east-1",
    availabilityZone: null,
    status: "upcoming",
    scope: "ACCOUNT_SPECIFIC",
    startTime: Date.parse("2026-12-01T00:00:00Z"),
    endTime: null,
    lastUpdatedTime: Date.parse("2026-11-20T00:00:00Z"),
    description: "Your instance will be retired.",
    metadata: { deprecated_versions: "none" },
    actionability: "ACTION_REQUIRED",
    personas: ["OPERATIONS"],
    origin: "api",
    ...overrides,
  };
}

describe("account events repo", () => {
  it("merges sparse records without erasing detail, and keeps a history of chapters", async () => {
    const store = openHealthdeckStore(":memory:");
    const first = await store.write((tx) => tx.accountEvents.upsertEvent(record(), 1000));
    expect(first).toMatchObject({ id: deriveAccountEventId(ARN, "123456789012"), created: true, changed: true, before: null });
    expect((await store.write((tx) => tx.accountEvents.upsertEvent(record(), 2000))).changed).toBe(false);

    const sparse = record({ origin: "eventbridge", description: null, metadata: null, personas: null, actionability: null, status: "open" });
    expect((await store.write((tx) => tx.accountEvents.upsertEvent(sparse, 3000))).changed).toBe(true);
    const event = await store.accountEvents.getById(first.id);
    expect(event?.description).toBe("Your instance will be retired.");
    expect(event?.metadata).toEqual({ deprecated_versions: "none" });
    expect(event?.origins).toEqual(["api", "eventbridge"]);
    expect(event?.status).toBe("open");
    expect((await store.accountEvents.listUpdates(first.id)).map((update) => update.status)).toEqual(["open", "upcoming"]);

    // The same ARN in another account is another event.
    const other = await store.write((tx) => tx.accountEvents.upsertEvent(record({ accountId: "210987654321" }), 4000));
    expect(other.id).not.toBe(first.id);
    await store.close();
  });

  it("stores entities, counts them by status, and pages, filters and sorts them", async () => {
    const store = openHealthdeckStore(":memory:");
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(record(), 1000));
    const entities = Array.from({ length: 250 }, (_, index) => ({
      eventArn: ARN,
      accountId: "123456789012",
      entityArn: `arn:aws:health:us-east-1:123456789012:entity/${index}`,
      entityValue: `i-${String(index).padStart(5, "0")}`,
      entityUrl: null,
      status: index % 5 === 0 ? "RESOLVED" : "IMPAIRED",
      lastUpdatedTime: 1000 + index,
      metadata: {},
    }));
    expect(await store.write((tx) => tx.accountEvents.upsertEntities(id, entities))).toBe(250);
    expect(await store.write((tx) => tx.accountEvents.upsertEntities(id, entities))).toBe(0);
    expect((await store.accountEvents.getById(id))?.entityCounts).toEqual({ total: 250, byStatus: { IMPAIRED: 200, RESOLVED: 50 } });

    const page = await store.accountEvents.listEntities(id, { offset: 0, limit: 10, search: "i-0001", statuses: ["IMPAIRED"], sort: "entity", descending: true });
    expect(page.total).toBe(8);
    expect(page.entities[0]?.entityValue).toBe("i-00019");
    await store.close();
  });

  it("filters the event log and deduplicates receipts", async () => {
    const store = openHealthdeckStore(":memory:");
    await store.write(async (tx) => {
      await tx.accountEvents.upsertEvent(record(), 1000);
      await tx.accountEvents.upsertEvent(record({ arn: `${ARN}-2`, category: "issue", status: "open", region: "eu-west-1", service: "RDS", eventTypeCode: "AWS_RDS_OPERATIONAL_ISSUE", description: "Increased connectivity errors." }), 1000);
    });
    const base = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 100 };
    expect(await store.accountEvents.listEvents(base)).toHaveLength(2);
    expect((await store.accountEvents.listEvents({ ...base, services: ["rds"] })).map((event) => event.eventTypeCode)).toEqual(["AWS_RDS_OPERATIONAL_ISSUE"]);
    expect(await store.accountEvents.listEvents({ ...base, categories: ["scheduledChange"], regions: ["us-east-1"] })).toHaveLength(1);
    expect(await store.accountEvents.listEvents({ ...base, search: "retired" })).toHaveLength(1);
    expect(await store.write((tx) => tx.accountEvents.recordReceipt("1", ARN, "abc-1", 1))).toBe(true);
    expect(await store.write((tx) => tx.accountEvents.recordReceipt("1", ARN, "abc-1", 2))).toBe(false);
    await store.close();
  });
});
