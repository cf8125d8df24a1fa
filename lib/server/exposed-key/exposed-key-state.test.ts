import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { COVERAGE_NOTE, type ActionRecord, type LookupView } from "@/lib/shared/exposed-key-contract";
import { createHealthdeckStore, type HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openPostgresEngine } from "@/lib/server/store/postgres/open-postgres-engine";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { createSharedRegionPacer } from "@/lib/server/exposed-key/create-shared-region-pacer";
import { isClaimLive, readLookupClaim, releaseLookupClaim, writeLookupClaim, type LookupClaim } from "@/lib/server/exposed-key/lookup-claim";
import { MAX_STORED_GROUPS, readPersistedExposedKey, updatePersistedExposedKey } from "@/lib/server/exposed-key/persisted-exposed-key";
import { claimToLookupView } from "@/lib/server/exposed-key/to-exposed-key-view";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

/** The exposed-key state kept in the store's meta table, on both engines: what every replica's page reads. */
let cluster: Promise<TestPostgres> | null = null;
let databases = 0;
const sqliteDirs: string[] = [];

const ENGINES: { name: string; open: () => Promise<HealthdeckStore[]> }[] = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), "exposed-key-state-"));
      sqliteDirs.push(dir);
      return [createHealthdeckStore(openSqliteEngine(dir))];
    },
  },
  {
    name: "postgres",
    // Two engines on one database stand for two replicas.
    async open() {
      cluster ??= startPostgres();
      const url = await (await cluster).createDatabase(`exposed_key_state_${++databases}`);
      const first = await openPostgresEngine({ connectionString: url });
      const second = await openPostgresEngine({ connectionString: url });
      return [createHealthdeckStore(first), createHealthdeckStore(second)];
    },
  },
];

afterAll(async () => {
  for (const dir of sqliteDirs) rmSync(dir, { recursive: true, force: true });
  if (cluster) await (await cluster).stop();
}, 30_000);

const T0 = Date.parse("2026-12-07T10:00:00.000Z");
const claim = (overrides: Partial<LookupClaim> = {}): LookupClaim => ({
  id: "lookup-1",
  owner: "replica-a",
  leaseUntil: T0 + 30_000,
  trigger: "manual",
  startedBy: "alice",
  requested: { hours: 24, regions: [] },
  startedAt: T0,
  progress: { pages: 0, events: 0 },
  ...overrides,
});
const finished = (groups: number): LookupView => ({
  ...claimToLookupView(claim(), T0),
  status: "complete",
  finishedAt: new Date(T0 + 5_000).toISOString(),
  groups: Array.from({ length: groups }, (_, index) => ({ region: "us-east-1", eventSource: "ec2.amazonaws.com", eventName: `Call${index}`, sourceIp: "198.51.100.1", userAgent: "cli", count: 1, firstAt: new Date(T0).toISOString(), lastAt: new Date(T0).toISOString(), errorCount: 0, errorCodes: {} })),
  totalEvents: groups,
  progress: { pages: 1, events: groups },
  coverage: COVERAGE_NOTE,
});
const action = (id: string): ActionRecord => ({ id, at: new Date(T0).toISOString(), actor: "alice", action: "deactivate", result: "deactivated", reason: null });

describe.each(ENGINES)("exposed-key state on $name", ({ open }) => {
  let stores: HealthdeckStore[] = [];
  const storeA = () => stores[0] as HealthdeckStore;
  const storeB = () => (stores[1] ?? stores[0]) as HealthdeckStore;
  beforeEach(async () => {
    stores = await open();
  }, 30_000);
  afterEach(async () => {
    for (const store of stores) await store.close();
  });

  it("keeps the finished look-up (groups bounded), the key state and the actions, readable by another replica", async () => {
    await updatePersistedExposedKey(storeA(), "event-1", (current) => ({ ...current, lookup: finished(MAX_STORED_GROUPS + 5) }));
    await updatePersistedExposedKey(storeB(), "event-1", (current) => ({ ...current, actions: [action("a1"), ...current.actions] }));
    const kept = await readPersistedExposedKey(storeB(), "event-1");
    expect(kept?.lookup).toMatchObject({ id: "lookup-1", status: "complete", startedBy: "alice", totalEvents: MAX_STORED_GROUPS + 5 });
    expect(kept?.lookup?.groups).toHaveLength(MAX_STORED_GROUPS);
    expect(kept?.actions.map((entry) => entry.id)).toEqual(["a1"]);
    expect(await readPersistedExposedKey(storeA(), "event-2")).toBeNull();
  });

  it("keeps both of two updates racing from two replicas (a look-up finishing and a deactivation)", async () => {
    await Promise.all([
      updatePersistedExposedKey(storeA(), "event-1", (current) => ({ ...current, lookup: finished(2) })),
      updatePersistedExposedKey(storeB(), "event-1", (current) => ({ ...current, actions: [action("a1"), ...current.actions] })),
      updatePersistedExposedKey(storeA(), "event-1", (current) => ({ ...current, actions: [action("a2"), ...current.actions] })),
    ]);
    const kept = await readPersistedExposedKey(storeA(), "event-1");
    expect(kept?.lookup?.totalEvents).toBe(2);
    expect(kept?.actions.map((entry) => entry.id).sort()).toEqual(["a1", "a2"]);
  });

  it("lets one replica claim a look-up; the other sees it running, cannot claim it, and takes it over once the lease passed", async () => {
    const held = await writeLookupClaim(storeA(), "event-1", claim(), null);
    expect(held).not.toBeNull();
    expect(await writeLookupClaim(storeB(), "event-1", claim({ id: "lookup-2", owner: "replica-b" }), null)).toBeNull();
    const seen = await readLookupClaim(storeB(), "event-1");
    expect(seen?.claim).toMatchObject({ id: "lookup-1", owner: "replica-a" });
    expect(claimToLookupView(seen?.claim ?? claim(), T0 + 1_000)).toMatchObject({ status: "running", startedBy: "alice", progress: { pages: 0, events: 0 } });

    // Replica A stops renewing: after the lease its claim shows failed, and B writes over exactly that claim.
    const stale = seen?.claim ?? claim();
    expect(isClaimLive(stale, T0 + 30_001)).toBe(false);
    expect(claimToLookupView(stale, T0 + 30_001)).toMatchObject({ status: "failed", error: expect.stringContaining("stopped answering") });
    const taken = await writeLookupClaim(storeB(), "event-1", claim({ id: "lookup-2", owner: "replica-b", leaseUntil: T0 + 60_000 }), seen?.raw ?? null);
    expect(taken?.claim.owner).toBe("replica-b");
    // A, late, can neither renew nor release what is no longer its claim.
    expect(await writeLookupClaim(storeA(), "event-1", { ...claim(), leaseUntil: T0 + 90_000 }, held?.raw ?? null)).toBeNull();
    expect(await storeA().write((tx) => releaseLookupClaim(tx, "event-1", held ?? { claim: claim(), raw: "" }))).toBe(false);
    expect(await storeB().write((tx) => releaseLookupClaim(tx, "event-1", taken ?? { claim: claim(), raw: "" }))).toBe(true);
    expect(await readLookupClaim(storeA(), "event-1")).toBeNull();
  });

  it("spaces CloudTrail calls of one account and region across replicas: each reserves the next free slot", async () => {
    let clock = T0;
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
    };
    const pacerA = createSharedRegionPacer({ store: storeA(), ratePerSecond: 2, now: () => clock, sleep });
    const pacerB = createSharedRegionPacer({ store: storeB(), ratePerSecond: 2, now: () => clock, sleep });
    await Promise.all([pacerA.wait("111111111111:us-east-1"), pacerB.wait("111111111111:us-east-1"), pacerA.wait("111111111111:us-east-1"), pacerB.wait("111111111111:eu-west-1")]);
    expect(slept.sort((a, b) => a - b)).toEqual([500, 1000]);
    clock += 5_000;
    await pacerB.wait("111111111111:us-east-1");
    expect(slept).toHaveLength(2);
  });
});
