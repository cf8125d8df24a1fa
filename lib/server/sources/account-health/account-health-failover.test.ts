import { afterEach, describe, expect, it } from "vitest";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";

let stack: AccountHealthStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const byRegion = (current: AccountHealthStack) => {
  const stats = current.pair.stats();
  return { "us-east-1": stats["us-east-1"].byOperation, "us-east-2": stats["us-east-2"].byOperation };
};

describe("account-health endpoint failover (fake active/passive pair, fake DNS)", () => {
  it("restarts the cycle on the new region when the CNAME flips mid-cycle, signing for that region", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    const current = stack;
    current.pair.step();
    expect((await current.poll())?.targets[0]?.region).toBe("us-east-1");

    current.pair.step();
    current.resetCalls();
    let flipped = false;
    const stop = current.pair.listeners["us-east-1"].onCall((info) => {
      if (info.operation === "DescribeEventDetails" && !flipped) {
        flipped = true;
        current.pair.failover("us-east-2");
      }
    });
    const report = await current.poll();
    stop();
    expect(report?.state).toBe("ok");
    expect(report?.targets[0]).toMatchObject({ region: "us-east-2", restarts: 1, changedEvents: 1 });
    const calls = byRegion(current);
    // The first attempt stopped at the call after the flip; the new cycle ran in full on us-east-2.
    expect(calls["us-east-1"]).toEqual({ DescribeEvents: 1, DescribeEventDetails: 1 });
    expect(calls["us-east-2"]).toEqual({ DescribeEvents: 1, DescribeEventDetails: 1, DescribeAffectedEntities: 1 });
    expect(current.pair.stats()["us-east-2"].errorsByName).toEqual({});
    const incident = (
      await current.runtime.store.accountEvents.listEvents({ categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: ["AWS_EC2_OPERATIONAL_ISSUE"], from: null, to: null, search: null, limit: 10 })
    ).at(0);
    expect(incident).toMatchObject({ status: "open", entityCounts: { total: 1 } });
    expect(incident?.description).toContain("We are investigating increased API error rates.");

    current.resetCalls();
    expect((await current.poll())?.targets[0]).toMatchObject({ region: "us-east-2", restarts: 0, changedEvents: 0 });
    expect(byRegion(current)).toEqual({ "us-east-1": {}, "us-east-2": { DescribeEvents: 1 } });
  });

  it("falls back to us-east-1 when DNS fails, and follows the CNAME again once it answers", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    stack.pair.step();
    stack.pair.resolver.point("us-east-2");
    stack.pair.resolver.fail("SERVFAIL");
    const fallback = await stack.poll();
    expect(fallback).toMatchObject({ state: "ok", targets: [{ region: "us-east-1" }] });
    expect(byRegion(stack)["us-east-2"]).toEqual({});

    stack.pair.resolver.fail(null);
    stack.resetCalls();
    const followed = await stack.poll();
    expect(followed?.targets[0]?.region).toBe("us-east-2");
    expect(byRegion(stack)).toEqual({ "us-east-1": {}, "us-east-2": { DescribeEvents: 1 } });
  });

  it("uses AWS_ENDPOINT_URL_HEALTH as given and never asks DNS", async () => {
    // us-east-2's listener, signed for us-east-1 as the SDK does with an override: the fake must not insist on the region.
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, endpointOverride: "us-east-2", pair: { requireSigningRegion: false } });
    stack.pair.step();
    stack.pair.syncPassive();
    const report = await stack.poll();
    expect(report).toMatchObject({ state: "ok", targets: [{ region: "us-east-1", changedEvents: 5 }] });
    expect(stack.pair.resolver.lookups()).toBe(0);
    expect(byRegion(stack)).toEqual({ "us-east-1": {}, "us-east-2": { DescribeEvents: 1, DescribeEventDetails: 1, DescribeAffectedEntities: 2 } });
  });
});
