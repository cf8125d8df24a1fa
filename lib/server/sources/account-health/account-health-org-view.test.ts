import { EnableHealthServiceAccessForOrganizationCommand } from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";

const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 100 };

let stack: AccountHealthStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const storedPairs = async (current: AccountHealthStack) =>
  (await current.runtime.store.accountEvents.listEvents(ALL)).map((event) => `${event.eventTypeCode}@${event.accountId ?? "-"}`).sort();
const accountSource = async (current: AccountHealthStack) => (await listSourceHealth(current.runtime, current.runtime.now())).find((source) => source.id === "account-health");

describe("account-health organizational view against the fake Health API", () => {
  it("stores org events once per affected account, with failedSet items recorded and not fatal", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, env: { HEALTHDECK_ORG_VIEW: "auto" } });
    stack.pair.step();
    const report = await stack.poll();
    expect(report).toMatchObject({ state: "ok", targets: [{ view: "org", changedEvents: 7 }] });
    expect(stack.calls()).toEqual({
      DescribeHealthServiceStatusForOrganization: 1,
      DescribeEventsForOrganization: 1,
      DescribeAffectedAccountsForOrganization: 6,
      DescribeEventDetailsForOrganization: 1,
      DescribeAffectedEntitiesForOrganization: 3,
    });
    expect(await storedPairs(stack)).toEqual([
      `AWS_BILLING_NOTIFICATION@${MANAGEMENT}`,
      `AWS_EBS_VOLUME_ATTACHMENT_ISSUE@${MANAGEMENT}`,
      `AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED@${MANAGEMENT}`,
      `AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED@${NO_PLAN}`,
      `AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT@${MANAGEMENT}`,
      `AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT@${MEMBER}`,
      `AWS_RDS_MAINTENANCE_SCHEDULED@${MEMBER}`,
      `AWS_SECURITY_NOTIFICATION@${MANAGEMENT}`,
    ]);
    const events = await stack.runtime.store.accountEvents.listEvents(ALL);
    const lifecycle = events.filter((event) => event.eventTypeCode === "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT");
    expect(lifecycle.map((event) => event.entityCounts.total)).toEqual([125, 125]);
    const member = events.find((event) => event.eventTypeCode === "AWS_RDS_MAINTENANCE_SCHEDULED");
    expect(member).toMatchObject({ description: "Maintenance of your database.", entityCounts: { total: 1, byStatus: { PENDING: 1 } } });
    // The account without a support plan: its details and entities land in failedSet; the listing is still kept.
    const noPlan = events.find((event) => event.accountId === NO_PLAN);
    expect(noPlan).toMatchObject({ status: "upcoming", description: "", entityCounts: { total: 0 } });
    expect(report?.targets[0]?.failedItems).toBeGreaterThanOrEqual(1);
    expect((await accountSource(stack))?.state).toBe("ok");
    expect((await accountSource(stack))?.error).toContain(NO_PLAN);

    stack.resetCalls();
    expect((await stack.poll())?.targets[0]?.changedEvents).toBe(0);
    expect(stack.calls()).toEqual({ DescribeEventsForOrganization: 1 });
  });

  it("follows the enable state machine: account view while DISABLED or PENDING, org view once ENABLED", async () => {
    stack = await startAccountHealthStack({
      scenario: buildHealthFixtureScenario(),
      accountId: MANAGEMENT,
      env: { HEALTHDECK_ORG_VIEW: "auto", HEALTHDECK_ACCOUNT_SWEEP_SECONDS: "600" },
      pair: { orgView: "DISABLED", orgEnableDelay: 5_000 },
    });
    const current = stack;
    current.clock.now = Date.now();
    current.pair.step();
    expect((await current.poll())?.targets[0]?.view).toBe("account");
    expect(await storedPairs(current)).toHaveLength(5);

    const admin = createTestHealthClient(current.pair.endpoints["us-east-1"], { accessKeyId: "AKIDHEALTHDECKTEST" });
    await admin.send(new EnableHealthServiceAccessForOrganizationCommand({}));
    expect(current.pair.orgView.status()).toBe("PENDING");
    current.resetCalls();
    // DISABLED was cached: the status is asked again only at the next sweep.
    expect((await current.poll())?.targets[0]?.view).toBe("account");
    expect(current.calls()).toEqual({ DescribeEvents: 1 });

    current.clock.now += 601_000 - 5_000;
    current.pair.orgView.set("PENDING");
    expect((await current.poll())?.targets[0]?.view).toBe("account");
    current.clock.now += 6_000;
    current.resetCalls();
    const enabled = await current.poll();
    expect(enabled?.targets[0]).toMatchObject({ view: "org", isInitial: true });
    expect(current.calls().DescribeHealthServiceStatusForOrganization).toBe(1);
    expect(await storedPairs(current)).toContain(`AWS_RDS_MAINTENANCE_SCHEDULED@${MEMBER}`);
    expect(await storedPairs(current)).toHaveLength(8);
  });

  it("says why when HEALTHDECK_ORG_VIEW=on but the organizational view is not enabled", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, env: { HEALTHDECK_ORG_VIEW: "on" }, pair: { orgView: "DISABLED" } });
    stack.pair.step();
    expect((await stack.poll())?.state).toBe("unavailable");
    expect(await accountSource(stack)).toMatchObject({ state: "unavailable" });
    expect((await accountSource(stack))?.error).toContain(`HEALTHDECK_ORG_VIEW=on, but the organizational view of account ${MANAGEMENT} is DISABLED`);
    expect(stack.calls()).toEqual({ DescribeHealthServiceStatusForOrganization: 1 });
  });

  it("in auto mode reads a refused status call as 'no org view', while a server failure keeps the last answer", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, env: { HEALTHDECK_ORG_VIEW: "auto", HEALTHDECK_ACCOUNT_SWEEP_SECONDS: "600" } });
    const current = stack;
    const active = current.pair.listeners["us-east-1"];
    current.clock.now = Date.now();
    current.pair.step();
    active.setSwitches({ accessDenied: ["DescribeHealthServiceStatusForOrganization"] });
    expect((await current.poll())?.targets[0]).toMatchObject({ view: "account" });
    expect((await current.runtime.store.accountSync.getOrgStatus(MANAGEMENT))?.status).toBe("UNAVAILABLE (AccessDeniedException)");

    active.setSwitches({ accessDenied: false });
    current.clock.now += 601_000;
    expect((await current.poll())?.targets[0]).toMatchObject({ view: "org", isInitial: true });

    active.setSwitches({ failRate: 1, failOperations: ["DescribeHealthServiceStatusForOrganization"] });
    current.clock.now += 601_000;
    const kept = await current.poll();
    expect(kept).toMatchObject({ state: "ok", targets: [{ view: "org", isInitial: false }] });
    expect(active.stats().errorsByName.InternalFailure).toBeGreaterThanOrEqual(1);
  });
});
