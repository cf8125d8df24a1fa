import { describe, expect, it } from "vitest";
import type { AffectedEntity } from "@/lib/shared/account-health-contract";
import type { EntityColumns } from "@/lib/shared/entity-columns-contract";
import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { countSharedPrefix } from "@/lib/server/store/common/entity-columns-encoder";
import type { EntityQuery } from "@/lib/server/store/contract/store-records";
import { createAccountEventsRepo } from "@/lib/server/store/sqlite/account-events-repo";
import { ENTITY_SLICE, listEntityColumns, listEntityColumnsInSlices } from "@/lib/server/store/sqlite/list-entity-columns";
import { openDatabase } from "@/lib/server/store/sqlite/open-database";
import { makeLambdaEntities } from "@/tests/fixtures/ui/load-account-fixture";

const ARN = "arn:aws:health:us-west-2::event/LAMBDA/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT_1";

/** Rows back from columns, as the browser decodes them. */
function decode(columns: EntityColumns): AffectedEntity[] {
  let previous = "";
  const values = columns.value.map((suffix, i) => (previous = previous.slice(0, columns.prefix[i]) + suffix));
  return values.map((value, i) => ({
    entityArn: columns.arn?.[i] ?? null,
    entityValue: value,
    entityUrl: columns.url?.[i] ?? null,
    accountId: columns.accounts[columns.account[i] ?? -1] ?? null,
    status: columns.statuses[columns.status[i] ?? -1] ?? "?",
    lastUpdatedTime: columns.times[columns.time[i] ?? -1] ?? null,
    metadata: columns.metadata[String(i)] ?? {},
  }));
}

async function seed(count: number) {
  const db = openDatabase(":memory:");
  const repo = createAccountEventsRepo(db);
  const { id } = await repo.upsertEvent(
    { arn: ARN, accountId: "123456789012", service: "LAMBDA", eventTypeCode: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", category: "scheduledChange", region: "us-west-2", availabilityZone: null, status: "upcoming", scope: "ACCOUNT_SPECIFIC", startTime: null, endTime: null, lastUpdatedTime: null, description: "Runtime end of support.", metadata: null, actionability: null, personas: null, origin: "api" },
    1000,
  );
  const records = makeLambdaEntities(count).map((entity, i): AffectedEntityRecord => ({
    ...entity,
    eventArn: ARN,
    // EventBridge rows carry no account, ARN or time; some API rows carry tags as metadata.
    accountId: i % 17 === 0 ? null : entity.accountId,
    lastUpdatedTime: i % 19 === 0 || entity.lastUpdatedTime === null ? null : Date.parse(entity.lastUpdatedTime),
    metadata: i % 23 === 0 ? { team: `t${i}` } : {},
  }));
  await repo.upsertEntities(id, records);
  return { db, repo, id };
}

const query = (overrides: Partial<EntityQuery> = {}): EntityQuery => ({ offset: 0, limit: 50_000, search: null, statuses: [], sort: "entity", descending: false, ...overrides });

describe("entity columns (format=lean)", () => {
  it("front-codes values without splitting a surrogate pair", () => {
    expect(countSharedPrefix("arn:aws:lambda:fn-1", "arn:aws:lambda:fn-2")).toBe(18);
    expect(countSharedPrefix("", "x")).toBe(0);
    expect(countSharedPrefix("a\u{1F600}", "a\u{1F601}")).toBe(1);
  });

  it("holds exactly the rows of the default format, in the same order, with small dictionaries", async () => {
    const { db, repo, id } = await seed(600);
    for (const variant of [query(), query({ sort: "status", descending: true }), query({ offset: 50, limit: 100, search: "fn-1", statuses: ["PENDING"] })]) {
      const rows = await repo.listEntities(id, variant);
      const lean = listEntityColumns(db, id, variant);
      expect(lean.total).toBe(rows.total);
      expect(decode(lean.columns)).toEqual(rows.entities);
      expect(await repo.listEntityColumns(id, variant)).toEqual(lean);
    }
    const { columns } = listEntityColumns(db, id, query());
    expect(columns.accounts.length).toBe(3);
    expect(columns.statuses.length).toBeLessThanOrEqual(5);
    expect(columns.url).not.toBeNull();
    expect(columns.account.filter((index) => index === -1)).toHaveLength(Math.ceil(600 / 17));
    expect(Object.keys(columns.metadata)).toHaveLength(Math.ceil(600 / 23));
    db.close();
  });

  it("leaves out the ARN and URL columns when no row has one", async () => {
    const { db, repo, id } = await seed(3);
    await repo.upsertEntities(id, [{ eventArn: ARN, accountId: null, entityArn: null, entityValue: "AWS_ACCOUNT", entityUrl: null, status: "UNKNOWN", lastUpdatedTime: null, metadata: {} }]);
    const { columns } = listEntityColumns(db, id, query({ search: "AWS_ACCOUNT" }));
    expect(columns).toMatchObject({ value: ["AWS_ACCOUNT"], arn: null, url: null, account: [-1], time: [-1], statuses: ["UNKNOWN"] });
    db.close();
  });

  it("reads large pages in slices with the same result as one read, both directions, from any offset", async () => {
    const count = ENTITY_SLICE * 2 + 345;
    const { db, id } = await seed(count);
    for (const variant of [query(), query({ descending: true }), query({ offset: 777, limit: ENTITY_SLICE + 10 }), query({ statuses: ["PENDING"], search: "orders-" })]) {
      const sliced = await listEntityColumnsInSlices(db, id, variant);
      expect(sliced).toEqual(listEntityColumns(db, id, variant));
    }
    const all = await listEntityColumnsInSlices(db, id, query());
    expect(all.total).toBe(count);
    expect(new Set(all.columns.value).size).toBe(count);
    db.close();
  });
});
