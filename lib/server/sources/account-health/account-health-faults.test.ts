import { afterEach, describe, expect, it } from "vitest";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import { SUBSCRIPTION_REASON } from "@/lib/server/sources/account-health/classify-health-error";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";

const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 100 };
const MINUTE = 60_000;

let stack: AccountHealthStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const attempts = (current: AccountHealthStack) => current.pair.stats()["us-east-1"];
const accountSource = async (current: AccountHealthStack) => (await listSourceHealth(current.runtime, current.runtime.now())).find((source) => source.id === "account-health");

async function syncedStack(options: Partial<Parameters<typeof startAccountHealthStack>[0]> = {}): Promise<AccountHealthStack> {
  const current = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, ...options });
  current.pair.step();
  expect((await current.poll())?.state).toBe("ok");
  current.clock.now = Date.now();
  current.resetCalls();
  return current;
}

describe("account-health faults against the fake Health API", () => {
  it("rides out a short throttling burst inside the SDK's retries", async () => {
    stack = await syncedStack();
    stack.pair.listeners["us-east-1"].setSwitches({ throttleNext: 2 });
    expect((await stack.poll())?.state).toBe("ok");
    expect(attempts(stack)).toMatchObject({ byOperation: { DescribeEvents: 3 }, errorsByName: { ThrottlingException: 2 } });
  });

  it("backs off between cycles in a throttling storm, without a call explosion, and recovers", { timeout: 60_000 }, async () => {
    stack = await syncedStack({ accountHealth: { maxAttempts: 3 } });
    const current = stack;
    const lastSuccessAt = (await accountSource(current))?.lastSuccessAt;
    current.pair.listeners["us-east-1"].setSwitches({ throttleRate: 1 });
    const first = await current.poll();
    expect(first?.state).toBe("error");
    expect(first?.error).toBe("AWS Health API is throttling requests (ThrottlingException): Rate exceeded; next attempt in 120 s");
    expect(await accountSource(current)).toMatchObject({ state: "error", lastSuccessAt });
    expect(attempts(current).total).toBe(3);

    // Runs inside the backoff window do not call at all; the window doubles after each throttled cycle.
    expect(await current.poll()).toBeNull();
    current.clock.now = (current.clock.now ?? 0) + 121_000;
    expect((await current.poll())?.error).toContain("next attempt in 240 s");
    current.clock.now += 200_000;
    expect(await current.poll()).toBeNull();
    expect(attempts(current).total).toBe(6);

    current.pair.listeners["us-east-1"].setSwitches({ throttleRate: 0 });
    current.clock.now += 41_000;
    expect((await current.poll())?.state).toBe("ok");
    expect((await accountSource(current))?.state).toBe("ok");
  });

  it("shows SubscriptionRequiredException as unavailable, keeps the data and the public side, and retries rarely", async () => {
    stack = await syncedStack();
    const current = stack;
    const stored = (await current.runtime.store.accountEvents.listEvents(ALL)).length;
    current.pair.listeners["us-east-1"].setSwitches({ subscriptionRequired: true, subscriptionMessage: "" });
    expect((await current.poll())?.state).toBe("unavailable");
    await current.runtime.poller.runNow("public-catalog");
    await current.runtime.poller.runNow("public-currentevents");
    const sources = await listSourceHealth(current.runtime, current.runtime.now());
    expect(sources.find((source) => source.id === "public-currentevents")?.state).toBe("ok");
    expect(await accountSource(current)).toMatchObject({ state: "unavailable", error: SUBSCRIPTION_REASON, label: "Your AWS accounts (Health API)" });
    expect((await accountSource(current))?.lastSuccessAt).not.toBeNull();
    expect(await current.runtime.store.accountEvents.listEvents(ALL)).toHaveLength(stored);

    expect(await current.poll()).toBeNull();
    current.clock.now = (current.clock.now ?? 0) + 10 * MINUTE;
    expect(await current.poll()).toBeNull();
    expect(attempts(current).total).toBe(1);

    current.pair.listeners["us-east-1"].setSwitches({ subscriptionRequired: false });
    current.clock.now += 6 * MINUTE;
    expect((await current.poll())?.state).toBe("ok");
    expect(await accountSource(current)).toMatchObject({ state: "ok", error: null });
  });

  it("reads access denied and expired credentials as unavailable with their reason", async () => {
    stack = await syncedStack();
    stack.pair.listeners["us-east-1"].setSwitches({ accessDenied: ["DescribeEvents"] });
    expect((await stack.poll())?.state).toBe("unavailable");
    expect((await accountSource(stack))?.error).toMatch(/^AWS Health API access denied \(AccessDeniedException\).*not authorized to perform: health:DescribeEvents/);

    stack.pair.listeners["us-east-1"].setSwitches({ accessDenied: false, expiredCredentials: true, expiredStatus: 403 });
    stack.clock.now = (stack.clock.now ?? 0) + 16 * MINUTE;
    expect((await stack.poll())?.state).toBe("unavailable");
    expect((await accountSource(stack))?.error).toBe("AWS rejected the credentials (ExpiredTokenException): expired, revoked or wrong: The security token included in the request is expired");
  });

  it("turns itself off quietly in auto mode when no credentials resolve", async () => {
    const missing = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    stack = await startAccountHealthStack({
      scenario: buildHealthFixtureScenario(),
      accountId: MANAGEMENT,
      env: { HEALTHDECK_ACCOUNT_HEALTH: "auto" },
      accountHealth: { credentials: { baseCredentials: () => Promise.reject(missing) } },
    });
    const report = await stack.poll();
    expect(report?.state).toBe("disabled");
    expect(await accountSource(stack)).toMatchObject({ state: "disabled" });
    expect((await accountSource(stack))?.error).toContain("no AWS credentials found");
    expect((await stack.runtime.store.sources.get("account-health"))?.lastError).toBeNull();
    expect(attempts(stack).total).toBe(0);
  });

  it("keeps unknown enum values and tolerates fields an older API leaves out", async () => {
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    stack.pair.listeners["us-east-1"].setSwitches({ unknownEnumValues: true });
    stack.pair.step();
    expect((await stack.poll())?.state).toBe("ok");
    const events = await stack.runtime.store.accountEvents.listEvents(ALL);
    expect(events).toHaveLength(5);
    for (const event of events) expect(event).toMatchObject({ category: "simulatedFutureCategory", status: "simulatedFutureStatus", scope: "SIMULATED_FUTURE_SCOPE" });
    const retirement = events.find((event) => event.eventTypeCode === "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    expect(retirement).toMatchObject({ actionability: "SIMULATED_FUTURE_ACTIONABILITY", personas: ["OPERATIONS", "SIMULATED_FUTURE_PERSONA"], entityCounts: { byStatus: { SIMULATED_FUTURE_STATUS: 1 } } });

    await stack.close();
    stack = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT });
    stack.pair.listeners["us-east-1"].setSwitches({ omitNewerFields: true });
    stack.pair.step();
    expect((await stack.poll())?.state).toBe("ok");
    const older = (await stack.runtime.store.accountEvents.listEvents(ALL)).find((event) => event.eventTypeCode === "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    expect(older).toMatchObject({ scope: null, actionability: null, personas: [], status: "upcoming" });
    const entity = (await stack.runtime.store.accountEvents.listEntities(older?.id ?? "", { offset: 0, limit: 5, search: null, statuses: [], sort: "entity", descending: false })).entities[0];
    expect(entity).toMatchObject({ entityUrl: null, metadata: {}, status: "PENDING" });
  });
});
