import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeaderElection, type LeaderElection } from "@/lib/server/store/postgres/leader-election";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { waitUntil } from "@/tests/support/replica-cluster";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

/**
 * A replica that is not the leader may still run a poll (it was leader when the poll began, or someone calls it):
 * its writes must never commit. The runtime's real store on a private PostgreSQL, another process's election
 * holding the lock.
 */
let postgres: TestPostgres;
let databaseUrl: string;
let other: LeaderElection;
let stack: PublicStack;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase("fenced");
  // The schema first (the election's table is made by the election itself), then another replica takes the lock.
  const first = await startPublicStack({ scenario: INCIDENT_SCENARIO, databaseUrl });
  await first.close();
  other = createLeaderElection({ connectionString: databaseUrl, retryMs: 300, checkMs: 200, queryTimeoutMs: 500 });
  await other.start();
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, databaseUrl, leaderRetryMs: 300 });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await other?.stop();
  await postgres?.stop();
}, 30_000);

describe("poller writes on PostgreSQL are fenced by the leader term", () => {
  it("a follower's poll commits nothing, the leader's does", async () => {
    expect(other.role).toBe("leader");
    expect(stack.runtime.store.coordinator.role).toBe("follower");
    stack.simulator.step();
    await stack.runtime.poller.runNow("public-currentevents");
    expect(await stack.runtime.store.events.listOpen()).toEqual([]);
    expect(await stack.runtime.store.sources.get("public-currentevents")).toBeNull();

    await other.stop();
    await waitUntil("the runtime's store to lead", async () => (stack.runtime.store.coordinator.role === "leader" ? true : null), 10_000);
    await stack.runtime.poller.runNow("public-currentevents");
    expect((await stack.runtime.store.events.listOpen()).length).toBeGreaterThan(0);
    expect((await stack.runtime.store.sources.get("public-currentevents"))?.lastSuccessAt).toEqual(expect.any(Number));
  }, 60_000);
});
