import { afterEach, describe, expect, it } from "vitest";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { generateAccountBenchScenario } from "@/lib/simulator/generate-account-bench-scenario";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";

const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 10_000 };

let stack: AccountHealthStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

/** What the fake knows about one account's view: events and per-event entity counts by status. */
function truthFor(current: AccountHealthStack, accountId: string) {
  const truth = new Map<string, Record<string, number>>();
  for (const event of current.pair.listeners["us-east-1"].world().events.values()) {
    if (!(event.accounts.includes(accountId) || (event.scope === "PUBLIC" && event.accounts.length === 0))) continue;
    const byStatus: Record<string, number> = {};
    for (const entity of event.entities) if (entity.awsAccountId === accountId) byStatus[entity.statusCode ?? "UNKNOWN"] = (byStatus[entity.statusCode ?? "UNKNOWN"] ?? 0) + 1;
    truth.set(event.arn, byStatus);
  }
  return truth;
}

async function storedFor(current: AccountHealthStack) {
  return new Map((await current.runtime.store.accountEvents.listEvents(ALL)).map((event) => [event.arn, event]));
}

describe("account-health sync against the fake Health API (real SDK over HTTP)", () => {
  it("syncs every event with details and entities, then costs one DescribeEvents page when nothing changed", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    stack.pair.step();
    const first = await stack.poll();
    expect(first?.state).toBe("ok");
    expect(stack.calls()).toEqual({ DescribeEvents: 1, DescribeEventDetails: 1, DescribeAffectedEntities: 2 });

    const truth = truthFor(stack, MANAGEMENT);
    const stored = await storedFor(stack);
    expect([...stored.keys()].sort()).toEqual([...truth.keys()].sort());
    for (const [arn, byStatus] of truth) expect(stored.get(arn)?.entityCounts.byStatus).toEqual(byStatus);
    const retirement = [...stored.values()].find((event) => event.eventTypeCode === "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    expect(retirement).toMatchObject({
      accountId: MANAGEMENT,
      status: "upcoming",
      scope: "ACCOUNT_SPECIFIC",
      availabilityZone: "us-east-1a",
      description: "Your instance will be retired.\n\nPlease stop and start it before then.",
      metadata: { deadline: "in two weeks", truncated: "true" },
      actionability: "ACTION_REQUIRED",
      personas: ["OPERATIONS"],
      origins: ["api"],
    });
    const entities = await stack.runtime.store.accountEvents.listEntities(retirement?.id ?? "", { offset: 0, limit: 10, search: null, statuses: [], sort: "entity", descending: false });
    expect(entities.entities[0]).toMatchObject({ entityValue: "i-0abc1234567890def", status: "PENDING", accountId: MANAGEMENT, metadata: { instanceType: "m5.large" } });
    expect(entities.entities[0]?.entityUrl).toContain("i-0abc1234567890def");

    stack.resetCalls();
    const quiet = await stack.poll();
    expect(quiet?.targets[0]).toMatchObject({ isInitial: false, isSweep: false, changedEvents: 0 });
    expect(stack.calls()).toEqual({ DescribeEvents: 1 });
  });

  it("fetches only what changed: a new public incident, then entity status changes narrowed by lastUpdatedTime", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    stack.pair.step();
    await stack.poll();

    stack.pair.step();
    stack.resetCalls();
    const incident = await stack.poll();
    expect(incident?.targets[0]?.changedEvents).toBe(1);
    expect(stack.calls()).toEqual({ DescribeEvents: 1, DescribeEventDetails: 1, DescribeAffectedEntities: 1 });
    const publicEvent = [...(await storedFor(stack)).values()].find((event) => event.eventTypeCode === "AWS_EC2_OPERATIONAL_ISSUE");
    expect(publicEvent).toMatchObject({ scope: "PUBLIC", status: "open", entityCounts: { total: 1, byStatus: { IMPAIRED: 1 } } });

    stack.pair.step();
    stack.resetCalls();
    const progress = await stack.poll();
    expect(progress?.targets[0]?.changedEvents).toBe(2);
    expect(stack.calls()).toEqual({ DescribeEvents: 1, DescribeEventDetails: 1, DescribeAffectedEntities: 1 });
    // Only the entities updated since each event's previous version came back, yet the counts match the fake.
    expect(progress?.targets[0]?.storedEntities).toBeLessThan(125);
    const truth = truthFor(stack, MANAGEMENT);
    for (const [arn, event] of (await storedFor(stack))) expect(event.entityCounts.byStatus).toEqual(truth.get(arn));
    const resolved = (await storedFor(stack)).get(publicEvent?.arn ?? "");
    expect(resolved?.status).toBe("closed");
    expect((await stack.runtime.store.accountEvents.listUpdates(resolved?.id ?? "")).map((update) => update.status)).toEqual(["closed", "open"]);
  });

  it("pages listings and entities to the end in full batches: 250 events, 3,000 entities", async () => {
    const bench = generateAccountBenchScenario({ events: 250, entities: 3_000 });
    stack = await startAccountHealthStack({ scenario: bench.scenario, accountId: "123456789012" });
    stack.pair.step();
    const report = await stack.poll();
    expect(report?.state).toBe("ok");
    const calls = stack.calls();
    expect(calls.DescribeEvents).toBe(3);
    expect(calls.DescribeEventDetails).toBe(25);
    expect(calls.DescribeEntityAggregates).toBe(5);
    // 3,000 entities in pages of 100 need 30 calls; packing the batches keeps within 10% of that.
    expect(calls.DescribeAffectedEntities).toBeGreaterThanOrEqual(30);
    expect(calls.DescribeAffectedEntities).toBeLessThanOrEqual(33);
    const stored = await storedFor(stack);
    expect(stored.size).toBe(250);
    expect([...stored.values()].reduce((sum, event) => sum + event.entityCounts.total, 0)).toBe(3_000);
    const truth = truthFor(stack, "123456789012");
    for (const [arn, byStatus] of truth) expect(stored.get(arn)?.entityCounts.byStatus).toEqual(byStatus);
  });

  it("sweeps open and upcoming events when due, without refetching unchanged ones", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, env: { HEALTHDECK_ACCOUNT_SWEEP_SECONDS: "600" } });
    stack.pair.step();
    await stack.poll();
    stack.clock.now = Date.now() + 601_000;
    stack.resetCalls();
    const sweep = await stack.poll();
    expect(sweep?.targets[0]).toMatchObject({ isSweep: true, changedEvents: 0 });
    expect(stack.calls()).toEqual({ DescribeEvents: 2 });
  });

  it("continues incrementally after a restart on the same data directory", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    stack.pair.step();
    await stack.poll();
    const before = (await storedFor(stack)).size;
    await stack.restart();
    stack.resetCalls();
    const after = await stack.poll();
    expect(after?.targets[0]).toMatchObject({ isInitial: false, changedEvents: 0 });
    expect(stack.calls()).toEqual({ DescribeEvents: 1 });
    expect((await storedFor(stack)).size).toBe(before);
    expect((await stack.runtime.store.sources.get("account-health"))?.lastError).toBeNull();
  });
});
