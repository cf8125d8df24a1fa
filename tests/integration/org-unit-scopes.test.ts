import { MoveAccountCommand } from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";
import { readOrgUnitMembership } from "@/lib/server/auth/org-unit-scopes";
import { describeOrgUnitScopes } from "@/lib/server/auth/describe-org-unit-scopes";
import { ORG_UNITS_JOB_ID } from "@/lib/server/poller/create-org-units-job";
import { createOrganizationsClient } from "@/lib/server/sources/organizations/create-organizations-client";
import { accountEvent } from "@/lib/server/store/store-contract-fixtures";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";
import { SIMULATOR_SECRET_ACCESS_KEY } from "@/lib/simulator/health-api/simulator-app-env";
import { SANDBOX_OU_ID, SIM_ROOT_ID, WORKLOADS_OU_ID } from "@/lib/simulator/organizations/organization-tree";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";

/**
 * Account scopes by organization unit, end to end: the org-units job asks the simulator's Organizations over HTTP with
 * the real SDK client, keeps the membership in the store, and the account API narrows a proxy-signed-in viewer to it.
 */
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const GHOST_OU = "ou-sim0-ghostunit";
const REFRESH_SECONDS = 60;
const START = Date.parse("2026-12-01T00:00:00Z");
let stack: AccountHealthStack;
let route: typeof import("@/app/api/v1/account/events/route");

beforeAll(async () => {
  stack = await startAccountHealthStack({
    scenario: buildHealthFixtureScenario(),
    accountId: MANAGEMENT,
    env: {
      HEALTHDECK_AUTH: "proxy",
      HEALTHDECK_TRUSTED_PROXIES: "10.0.0.5",
      HEALTHDECK_ADMIN_GROUPS: "ops",
      HEALTHDECK_ACCOUNT_GROUPS: `workloads=${WORKLOADS_OU_ID};sandbox=${SANDBOX_OU_ID}|${MANAGEMENT};ghost=${GHOST_OU}`,
      HEALTHDECK_OU_REFRESH_SECONDS: String(REFRESH_SECONDS),
    },
  });
  stack.clock.now = START;
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  route = await import("@/app/api/v1/account/events/route");
  await stack.runtime.store.write((tx) =>
    tx.accountEvents.upsertEvents(
      [MANAGEMENT, MEMBER, NO_PLAN].map((accountId) => accountEvent({ accountId, lastUpdatedTime: START - 60_000 })),
      START - 60_000,
    ),
  );
}, 30_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await stack?.close();
});

/** Moves the clock past the replica's re-read pause, so the next request reads what the last commit stored. */
const later = (ms = 2_000) => void (stack.clock.now = (stack.clock.now ?? START) + ms);

async function accountsSeenBy(group: string): Promise<string[]> {
  const request = new Request("http://127.0.0.1:3000/api/v1/account/events?limit=100", {
    headers: { [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-email": `${group}@example.test`, "x-forwarded-groups": group },
  });
  const response = await route.GET(request);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { events: { accountId: string }[] };
  return [...new Set(body.events.map((event) => event.accountId))].sort();
}

async function refresh(): Promise<void> {
  await stack.runtime.poller.runNow(ORG_UNITS_JOB_ID);
  later();
}

describe("HEALTHDECK_ACCOUNT_GROUPS with organization units", () => {
  it("grants nothing for an OU before its accounts are known, then exactly the OU's accounts, nested OUs included", async () => {
    expect(await accountsSeenBy("workloads")).toEqual([]);
    expect(await accountsSeenBy("sandbox")).toEqual([MANAGEMENT]);
    await refresh();
    expect(await accountsSeenBy("workloads")).toEqual([MEMBER, NO_PLAN]);
    expect(await accountsSeenBy("sandbox")).toEqual([MANAGEMENT, NO_PLAN]);
    expect(await accountsSeenBy("ops")).toEqual([MANAGEMENT, MEMBER, NO_PLAN]);
  });

  it("an OU Organizations does not know grants nothing, and the store says why", async () => {
    expect(await accountsSeenBy("ghost")).toEqual([]);
    const stored = await readOrgUnitMembership(stack.runtime.store);
    expect(stored.units[GHOST_OU]).toMatchObject({ accounts: null, error: expect.stringContaining("ParentNotFoundException") });
    const shown = await describeOrgUnitScopes(stack.runtime);
    expect(shown.find((unit) => unit.unitId === GHOST_OU)).toMatchObject({ groups: ["ghost"], accounts: null, resolvedAt: null, error: expect.stringContaining("ParentNotFoundException") });
    expect(shown.find((unit) => unit.unitId === SANDBOX_OU_ID)).toMatchObject({ groups: ["sandbox"], accounts: [NO_PLAN], error: null });
  });

  it("follows an account moved to another OU after the next refresh", async () => {
    const organizations = createOrganizationsClient({
      credentials: { accessKeyId: "AKIDMOVER", secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY },
      endpoint: stack.pair.endpoints["us-east-1"],
      requestTimeoutMs: 5_000,
      userAgent: "healthdeck-test",
    });
    await organizations.send(new MoveAccountCommand({ AccountId: NO_PLAN, SourceParentId: SANDBOX_OU_ID, DestinationParentId: SIM_ROOT_ID }));
    organizations.destroy();
    expect(await accountsSeenBy("workloads")).toEqual([MEMBER, NO_PLAN]);
    await refresh();
    expect(await accountsSeenBy("workloads")).toEqual([MEMBER]);
    expect(await accountsSeenBy("sandbox")).toEqual([MANAGEMENT]);
  });

  it("keeps the last accounts through a failed refresh only until they are stale, then grants nothing (fail-closed)", async () => {
    stack.pair.listeners["us-east-1"].organizations.setSwitches({ notInUse: true });
    await refresh();
    expect(await accountsSeenBy("workloads")).toEqual([MEMBER]);
    const stored = await readOrgUnitMembership(stack.runtime.store);
    expect(stored.units[WORKLOADS_OU_ID]?.error).toContain("AWSOrganizationsNotInUseException");
    later(3 * REFRESH_SECONDS * 1000);
    expect(await accountsSeenBy("workloads")).toEqual([]);
    expect(await accountsSeenBy("sandbox")).toEqual([MANAGEMENT]);
    stack.pair.listeners["us-east-1"].organizations.setSwitches({ notInUse: false });
    await refresh();
    expect(await accountsSeenBy("workloads")).toEqual([MEMBER]);
  });
});
