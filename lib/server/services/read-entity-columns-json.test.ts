import { describe, expect, it } from "vitest";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { readEntityColumnsJson } from "@/lib/server/services/list-event-entities";
import type { EntitiesQuery } from "@/lib/shared/account-query";
import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";

const ARN = "arn:aws:health:eu-west-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/AWS_RDS_MAINTENANCE_SCHEDULED_cache";
const event = (arn: string): AccountEventRecord => ({
  arn,
  accountId: "123456789012",
  service: "RDS",
  eventTypeCode: "AWS_RDS_MAINTENANCE_SCHEDULED",
  category: "scheduledChange",
  region: "eu-west-1",
  availabilityZone: null,
  status: "upcoming",
  scope: "ACCOUNT_SPECIFIC",
  startTime: Date.parse("2026-12-01T00:00:00Z"),
  endTime: null,
  lastUpdatedTime: Date.parse("2026-11-20T00:00:00Z"),
  description: "Your database will be patched.",
  metadata: {},
  actionability: null,
  personas: null,
  origin: "api",
});
const entity = (value: string, status: string): AffectedEntityRecord => ({
  eventArn: ARN,
  accountId: "123456789012",
  entityArn: null,
  entityValue: value,
  entityUrl: null,
  status,
  lastUpdatedTime: 1000,
  metadata: {},
});
const QUERY: EntitiesQuery = { offset: 0, limit: 1000, q: null, statuses: [], sort: "entity", order: "asc", format: "lean" };

describe("the cached lean entity page", () => {
  // The cache keys on the event's entities version (cache-entity-pages.test.ts shows a same-version read is a hit).
  it("keys on a version that ignores writes to other data and rises when the event's own resources change", async () => {
    const store = openHealthdeckStore(":memory:");
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(event(ARN), 1000));
    await store.write((tx) => tx.accountEvents.upsertEntities(id, [entity("db-1", "PENDING"), entity("db-2", "PENDING")]));
    const version = await store.accountEvents.getEntitiesVersion(id);
    const first = await readEntityColumnsJson(store, id, QUERY);
    expect(first).toContain('"total":2');
    expect(first).not.toContain("RESOLVED");

    // Another event and a repeated, unchanged push: this event's resources are the same, so is its version.
    const other = await store.write((tx) => tx.accountEvents.upsertEvent(event(`${ARN}_other`), 2000));
    await store.write((tx) => tx.accountEvents.upsertEntities(other.id, [entity("db-9", "PENDING")]));
    await store.write((tx) => tx.accountEvents.upsertEntities(id, [entity("db-1", "PENDING")]));
    expect(await store.accountEvents.getEntitiesVersion(id)).toBe(version);
    expect(await readEntityColumnsJson(store, id, QUERY)).toBe(first);

    await store.write((tx) => tx.accountEvents.upsertEntities(id, [entity("db-1", "RESOLVED")]));
    expect(await store.accountEvents.getEntitiesVersion(id)).toBe((version ?? 0) + 1);
    const after = await readEntityColumnsJson(store, id, QUERY);
    expect(after).not.toBe(first);
    expect(after).toContain("RESOLVED");
    expect(await readEntityColumnsJson(store, "no-such-event", QUERY)).toBeNull();
  });
});
