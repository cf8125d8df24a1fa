import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { ORG_UNITS_JOB_ID } from "@/lib/server/poller/create-org-units-job";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { accountEvent } from "@/lib/server/store/store-contract-fixtures";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";
import { WORKLOADS_OU_ID } from "@/lib/simulator/organizations/organization-tree";
import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import { waitUntil } from "@/tests/support/replica-cluster";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

/** Two replicas on one PostgreSQL: the leader resolves the OU, the follower (which never asks AWS) grants the same accounts. */
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const ENV = { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "10.0.0.5", HEALTHDECK_ADMIN_GROUPS: "ops", HEALTHDECK_ACCOUNT_GROUPS: `workloads=${WORKLOADS_OU_ID}` };
const clock = { now: Date.parse("2026-12-01T00:00:00Z") };
const dataDir = mkdtempSync(path.join(tmpdir(), "org-units-pg-"));
let postgres: TestPostgres;
let leader: AccountHealthStack;
let follower: HealthdeckRuntime;
let route: typeof import("@/app/api/v1/account/events/route");

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase("org_units");
  leader = await startAccountHealthStack({ scenario: buildHealthFixtureScenario(), accountId: MANAGEMENT, databaseUrl, env: ENV });
  leader.clock.now = clock.now;
  await waitUntil("the first replica to lead", async () => (leader.runtime.store.coordinator.role === "leader" ? true : null), 15_000);
  follower = createHealthdeckRuntime({
    config: parseConfig({ HEALTHDECK_DATA_DIR: dataDir, HEALTHDECK_DATABASE_URL: databaseUrl, HEALTHDECK_ACCOUNT_HEALTH: "off", ...ENV }),
    store: openHealthdeckStore({ dataDir: dataDir, databaseUrl, leaderRetryMs: 1000 }),
    logger: silentLogger,
    now: () => clock.now,
  });
  await follower.ready;
  await waitUntil("the second replica to follow", async () => (follower.store.coordinator.role === "follower" ? true : null), 15_000);
  route = await import("@/app/api/v1/account/events/route");
  await leader.runtime.store.write((tx) => tx.accountEvents.upsertEvents([MANAGEMENT, MEMBER, NO_PLAN].map((accountId) => accountEvent({ accountId, lastUpdatedTime: clock.now - 60_000 })), clock.now - 60_000));
}, 90_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await follower?.close();
  await leader?.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function accountsSeenOn(runtime: HealthdeckRuntime): Promise<string[]> {
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;
  const response = await route.GET(
    new Request("http://127.0.0.1:3000/api/v1/account/events?limit=100", { headers: { [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-email": "w@example.test", "x-forwarded-groups": "workloads" } }),
  );
  expect(response.status).toBe(200);
  return [...new Set(((await response.json()) as { events: { accountId: string }[] }).events.map((event) => event.accountId))].sort();
}

describe("OU scopes across replicas (PostgreSQL)", () => {
  it("the follower grants what the leader resolved, from the store, and nothing before", async () => {
    expect(await accountsSeenOn(follower)).toEqual([]);
    await leader.runtime.poller.runNow(ORG_UNITS_JOB_ID);
    // Another replica's refresh is read within 30 s; the clock is moved past that.
    clock.now += 31_000;
    leader.clock.now = clock.now;
    expect(await accountsSeenOn(follower)).toEqual([MEMBER, NO_PLAN]);
    expect(await accountsSeenOn(leader.runtime)).toEqual([MEMBER, NO_PLAN]);
  });
});
