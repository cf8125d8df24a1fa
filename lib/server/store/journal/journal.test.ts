import { afterEach, describe, expect, it } from "vitest";
import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import type { AssembledEvent } from "@/lib/server/domain/public-status-records";
import { EMPTY_JOURNAL_FILTER } from "@/lib/server/store/contract/journal-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { listChanges } from "@/lib/server/services/list-changes";
import { loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";

const SPLIT = { service: "ec2", region: "us-east-1" };

function publicEvent(overrides: Partial<AssembledEvent> = {}): AssembledEvent {
  return {
    id: "ec2-us-east-1_1765000000",
    arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_ABC",
    key: "ec2-us-east-1",
    status: "degraded",
    summary: "Increased API error rates",
    resolved: false,
    startedAt: 1_765_000_000,
    endedAt: null,
    updates: [{ key: "ec2-us-east-1", at: 1_765_000_000, status: "degraded", resolved: false, summary: "Increased API error rates", message: "We are investigating.", origin: "rss" }],
    impacted: [],
    ...overrides,
  };
}

function accountEvent(overrides: Partial<AccountEventRecord> = {}): AccountEventRecord {
  return {
    arn: "arn:aws:health:eu-west-1::event/RDS/AWS_RDS_OPERATIONAL_ISSUE/AWS_RDS_OPERATIONAL_ISSUE_1",
    accountId: "123456789012",
    service: "RDS",
    eventTypeCode: "AWS_RDS_OPERATIONAL_ISSUE",
    category: "issue",
    region: "eu-west-1",
    availabilityZone: null,
    status: "open",
    scope: "ACCOUNT_SPECIFIC",
    startTime: Date.parse("2026-12-07T10:00:00Z"),
    endTime: null,
    lastUpdatedTime: Date.parse("2026-12-07T10:05:00Z"),
    description: "Increased connectivity errors.",
    metadata: null,
    actionability: null,
    personas: null,
    origin: "api",
    ...overrides,
  };
}

const kinds = async (store: HealthdeckStore, after = 0) => (await store.journal.read(after, 100, EMPTY_JOURNAL_FILTER)).map((entry) => entry.kind);

let store: HealthdeckStore;
afterEach(async () => {
  await store.close();
});

describe("the journal", () => {
  it("records public events opened, updated, resolved and reopened, and each service's status change", async () => {
    store = openHealthdeckStore(":memory:");
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [publicEvent()]));
    const opened = await store.journal.read(0, 100, EMPTY_JOURNAL_FILTER);
    expect(opened.map((entry) => [entry.kind, entry.subject, entry.summary])).toEqual([
      ["public.event.opened", { eventId: "ec2-us-east-1_1765000000", key: "ec2-us-east-1", arn: publicEvent().arn }, { statusBefore: null, status: "degraded", resolved: false, updates: 1, firstSeen: true, summary: "Increased API error rates", changedFields: null }],
      ["public.service.status", { key: "ec2-us-east-1" }, { before: "operational", after: "degraded" }],
    ]);
    expect(opened[0]?.scope).toEqual({ region: "us-east-1", service: "ec2", accountId: null, category: null });

    const last = opened.at(-1)?.id ?? 0;
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [publicEvent()]));
    expect(await kinds(store, last)).toEqual([]);

    const update = { ...publicEvent().updates[0]!, at: 1_765_000_600, message: "Mitigation under way." };
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [publicEvent({ updates: [...publicEvent().updates, update] })]));
    expect(await kinds(store, last)).toEqual(["public.event.updated"]);

    const resolved = publicEvent({ resolved: true, status: "operational", endedAt: 1_765_001_200 });
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [resolved]));
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [publicEvent({ status: "disrupted" })]));
    expect(await kinds(store, last)).toEqual(["public.event.updated", "public.event.resolved", "public.service.status", "public.event.reopened", "public.service.status"]);
    const statuses = (await store.journal.read(last, 100, EMPTY_JOURNAL_FILTER)).filter((entry) => entry.kind === "public.service.status").map((entry) => entry.summary);
    expect(statuses).toEqual([{ before: "degraded", after: "operational" }, { before: "operational", after: "disrupted" }]);
  });

  it("records account events opened, updated and closed, and changes to their resources", async () => {
    store = openHealthdeckStore(":memory:");
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
    await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent({ origin: "eventbridge" }), 2000));
    await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent({ description: "Recovering." }), 3000));
    const entity = { eventArn: accountEvent().arn, accountId: "123456789012", entityArn: null, entityValue: "db-1", entityUrl: null, status: "IMPAIRED", lastUpdatedTime: 1000, metadata: {} };
    await store.write((tx) => tx.accountEvents.upsertEntities(id, [entity]));
    await store.write((tx) => tx.accountEvents.upsertEntities(id, [entity]));
    await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent({ status: "closed", endTime: 5000 }), 4000));
    const entries = await store.journal.read(0, 100, EMPTY_JOURNAL_FILTER);
    expect(entries.map((entry) => entry.kind)).toEqual(["account.event.opened", "account.event.updated", "account.event.entities", "account.event.closed"]);
    expect(entries[1]?.summary.changedFields).toBe("description");
    expect(entries[2]?.summary).toEqual({ totalBefore: 0, total: 1, changed: 1, impairedBefore: 0, impaired: 1, countsChanged: true, status: "open" });
    expect(entries[3]?.subject).toEqual({ eventId: id, arn: accountEvent().arn, accountId: "123456789012" });
    expect(entries[3]?.scope).toEqual({ region: "eu-west-1", service: "rds", accountId: "123456789012", category: "issue" });
  });

  it("records a source's state only when it changes", async () => {
    store = openHealthdeckStore(":memory:");
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 1000, null));
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 2000, null));
    await store.write((tx) => tx.sources.recordFailure("public-rss", 3000, "HTTP 503"));
    await store.write((tx) => tx.sources.recordFailure("public-rss", 4000, "HTTP 503"));
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 5000, null));
    const entries = await store.journal.read(0, 100, EMPTY_JOURNAL_FILTER);
    expect(entries.map((entry) => [entry.kind, entry.subject.sourceId, entry.summary.before, entry.summary.after, entry.summary.error])).toEqual([
      ["source.state", "public-rss", "unknown", "ok", null],
      ["source.state", "public-rss", "ok", "error", "HTTP 503"],
      ["source.state", "public-rss", "error", "ok", null],
    ]);
  });

  it("records the Health API source's lasting condition when it is set, changed or cleared", async () => {
    store = openHealthdeckStore(":memory:");
    const condition = { state: "unavailable" as const, reason: "SubscriptionRequiredException: no support plan", since: 1000, retryAt: 2000 };
    await store.write((tx) => tx.accountSync.setCondition(condition));
    await store.write((tx) => tx.accountSync.setCondition({ ...condition, retryAt: 3000 }));
    await store.write((tx) => tx.accountSync.setCondition({ ...condition, state: "disabled" }));
    await store.write((tx) => tx.accountSync.setCondition(null));
    const entries = await store.journal.read(0, 10, EMPTY_JOURNAL_FILTER);
    expect(entries.map((entry) => [entry.kind, entry.subject.sourceId, entry.summary.before, entry.summary.after])).toEqual([
      ["source.state", "account-health", "available", "unavailable"],
      ["source.state", "account-health", "unavailable", "disabled"],
      ["source.state", "account-health", "disabled", "available"],
    ]);
    expect(entries[0]?.summary.error).toBe("SubscriptionRequiredException: no support plan");
  });

  it("records resource counts set from an aggregate only when they change", async () => {
    store = openHealthdeckStore(":memory:");
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
    const last = await store.journal.latestId();
    await store.write((tx) => tx.accountEvents.setEntityCounts(id, { total: 40, byStatus: { IMPAIRED: 40 } }));
    await store.write((tx) => tx.accountEvents.setEntityCounts(id, { total: 40, byStatus: { IMPAIRED: 40 } }));
    await store.write((tx) => tx.accountEvents.setEntityCounts(id, { total: 40, byStatus: { IMPAIRED: 10, RESOLVED: 30 } }));
    const entries = await store.journal.read(last, 10, EMPTY_JOURNAL_FILTER);
    expect(entries.map((entry) => [entry.kind, entry.summary.totalBefore, entry.summary.total, entry.summary.impairedBefore, entry.summary.impaired])).toEqual([
      ["account.event.entities", 0, 40, 0, 40],
      ["account.event.entities", 40, 40, 40, 10],
    ]);
  });

  it("keeps nothing of a transaction that throws: neither the data nor its journal entries", async () => {
    store = openHealthdeckStore(":memory:");
    await expect(
      store.write(async (tx) => {
        await tx.events.replaceForKey("ec2-us-east-1", SPLIT, [publicEvent()]);
        throw new Error("the poll was cut short");
      }),
    ).rejects.toThrow("the poll was cut short");
    expect(await store.events.listOpen()).toEqual([]);
    expect(await store.journal.latestId()).toBe(0);
  });

  it("pages through changes with filters, and resumes after what the filter skipped", async () => {
    store = openHealthdeckStore(":memory:");
    const catalog = loadBundledCatalog();
    store.setKeySplitter((key) => catalog.splitServiceKey(key));
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [publicEvent()]));
    await store.write((tx) => tx.accountEvents.upsertEvent(accountEvent(), 1000));
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 1000, null));
    const query = { after: 0, limit: 100, regions: ["eu-west-1"], services: [], accounts: [], categories: [] };
    const page = await listChanges(store, query);
    // The us-east-1 event and service status are filtered out; the source state concerns every region.
    expect(page.changes.map((change) => change.kind)).toEqual(["account.event.opened", "source.state"]);
    expect(page.nextAfter).toBe(4);
    expect((await listChanges(store, { ...query, after: page.nextAfter })).changes).toEqual([]);
    const byService = await listChanges(store, { ...query, regions: [], services: ["RDS"], limit: 1 });
    expect(byService.changes.map((change) => [change.id, change.kind])).toEqual([[3, "account.event.opened"]]);
    expect(byService.nextAfter).toBe(3);
    const byCategory = await listChanges(store, { ...query, regions: [], categories: ["scheduledChange"] });
    expect(byCategory.changes.map((change) => change.kind)).toEqual(["public.event.opened", "public.service.status", "source.state"]);
  });

  it("prunes by age and never hands out an id twice", async () => {
    store = openHealthdeckStore(":memory:");
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 1000, null));
    await store.write((tx) => tx.sources.recordFailure("public-rss", 2000, "HTTP 500"));
    expect(await store.write((tx) => tx.journal.prune(Date.now() + 1))).toBe(2);
    expect(await store.journal.latestId()).toBe(2);
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 3000, null));
    expect((await store.journal.read(0, 10, EMPTY_JOURNAL_FILTER)).map((entry) => entry.id)).toEqual([3]);
  });
});
