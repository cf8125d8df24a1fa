import { afterEach, describe, expect, it } from "vitest";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";

const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 100 };
const roleOf = (accountId: string) => `arn:aws:iam::${accountId}:role/HealthdeckReader`;
/** Not an account of the fixture's world: the fake STS denies AssumeRole into it, as AWS does for a role that does not trust us. */
const FOREIGN = "999999999999";

let stack: AccountHealthStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

describe("account-health with HEALTHDECK_ASSUME_ROLES", () => {
  it("polls each role's account on its own, and one account without a plan does not fail the others", async () => {
    const accounts = [MANAGEMENT, MEMBER, NO_PLAN];
    stack = await startAccountHealthStack({
      scenario: buildHealthFixtureScenario(),
      accountId: MANAGEMENT,
      env: { HEALTHDECK_ASSUME_ROLES: accounts.map(roleOf).join(",") },
    });
    stack.pair.step();
    const report = await stack.poll();
    expect(report?.state).toBe("ok");
    expect(report?.targets.map((target) => target.accountId)).toEqual([MANAGEMENT, MEMBER]);
    // Each role is assumed through STS; its account comes from the ARN, so GetCallerIdentity is never asked.
    expect(stack.stsCalls().AssumeRole).toBeGreaterThanOrEqual(accounts.length);
    expect(stack.stsCalls().GetCallerIdentity).toBeUndefined();
    const byAccount = new Map<string, string[]>();
    for (const event of await stack.runtime.store.accountEvents.listEvents(ALL)) {
      byAccount.set(event.accountId ?? "-", [...(byAccount.get(event.accountId ?? "-") ?? []), event.eventTypeCode].sort());
    }
    expect(byAccount.get(MEMBER)).toEqual(["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", "AWS_RDS_MAINTENANCE_SCHEDULED", "AWS_SECURITY_NOTIFICATION"]);
    expect(byAccount.get(MANAGEMENT)).toHaveLength(5);
    expect(byAccount.has(NO_PLAN)).toBe(false);
    const source = (await listSourceHealth(stack.runtime, stack.runtime.now())).find((item) => item.id === "account-health");
    expect(source?.state).toBe("ok");
    expect(source?.error).toBe(`account ${NO_PLAN}: AWS Health API needs a Business, Enterprise On-Ramp or Enterprise Support plan (SubscriptionRequiredException)`);

    // The account without a plan is retried rarely; the others keep polling.
    stack.resetCalls();
    const next = await stack.poll();
    expect(stack.calls()).toEqual({ DescribeEvents: 2 });
    expect(next?.calls).toEqual({ DescribeEvents: 2 });
    expect(next?.error).toContain(NO_PLAN);
  });

  it("shows a role STS refuses to let us assume (AccessDenied) as unavailable with its reason, never as green", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, env: { HEALTHDECK_ASSUME_ROLES: roleOf(FOREIGN) } });
    stack.pair.step();
    const report = await stack.poll();
    expect(report?.state).toBe("unavailable");
    expect(stack.stsCalls()).toEqual({ AssumeRole: 1 });
    expect(stack.calls()).toEqual({});
    const source = (await listSourceHealth(stack.runtime, stack.runtime.now())).find((item) => item.id === "account-health");
    expect(source?.state).toBe("unavailable");
    expect(source?.error).toBe(
      `cannot assume ${roleOf(FOREIGN)} (AccessDenied): User: arn:aws:iam::${MANAGEMENT}:user/healthdeck is not authorized to perform: sts:AssumeRole on resource: ${roleOf(FOREIGN)}`,
    );
    expect(await stack.runtime.store.accountEvents.listEvents(ALL)).toEqual([]);
  });

  it("keeps polling the roles it can assume when one is denied, and names the denied one", async () => {
    stack = await startAccountHealthStack({
      scenario: buildHealthFixtureScenario(),
      accountId: MANAGEMENT,
      env: { HEALTHDECK_ASSUME_ROLES: [roleOf(MEMBER), roleOf(FOREIGN)].join(",") },
    });
    stack.pair.step();
    const report = await stack.poll();
    expect(report?.targets.map((target) => target.accountId)).toEqual([MEMBER]);
    expect(report?.error).toContain(`account ${FOREIGN}: cannot assume ${roleOf(FOREIGN)} (AccessDenied): `);
    const accounts = new Set((await stack.runtime.store.accountEvents.listEvents(ALL)).map((event) => event.accountId));
    expect([...accounts]).toEqual([MEMBER]);
  });
});
