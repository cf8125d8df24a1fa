import { afterEach, describe, expect, it } from "vitest";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import { readRoleAccountId } from "@/lib/server/sources/account-health/resolve-account-targets";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { SIMULATOR_SECRET_ACCESS_KEY } from "@/lib/simulator/health-api/simulator-app-env";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";

const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 100 };
const roleOf = (accountId: string) => `arn:aws:iam::${accountId}:role/HealthdeckReader`;
const keyOf = (accountId: string) => `AKIDROLE${accountId}`;

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
      accessKeys: Object.fromEntries(accounts.map((accountId) => [keyOf(accountId), accountId])),
      accountHealth: {
        credentials: {
          baseCredentials: { accessKeyId: "AKIDBASE", secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY },
          credentialsForRole: (roleArn) => ({ accessKeyId: keyOf(readRoleAccountId(roleArn) ?? ""), secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY }),
          identifyAccount: () => Promise.reject(new Error("role targets know their account from the ARN")),
        },
      },
    });
    stack.pair.step();
    const report = await stack.poll();
    expect(report?.state).toBe("ok");
    expect(report?.targets.map((target) => target.accountId)).toEqual([MANAGEMENT, MEMBER]);
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
});
