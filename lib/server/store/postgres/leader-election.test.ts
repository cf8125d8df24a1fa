import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { FencedWriteError, type ReplicaRole } from "@/lib/server/store/contract/store-contract";
import { createLeaderElection, type LeaderElection } from "@/lib/server/store/postgres/leader-election";
import { LEADER_LOCK_KEY } from "@/lib/server/store/postgres/leader-term";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

const RETRY_MS = 500;
const CHECK_MS = 250;
const QUERY_TIMEOUT_MS = 500;

let cluster: TestPostgres;
let databaseCount = 0;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await cluster.stop();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, query_timeout: 10_000 });
  await client.connect();
  cleanups.push(() => client.end().catch(() => {}));
  return client;
}

async function freshDatabase(): Promise<{ url: string; admin: pg.Client }> {
  databaseCount += 1;
  const url = await cluster.createDatabase(`election_${databaseCount}`);
  const admin = await connect(url);
  await admin.query("CREATE TABLE writes (value text NOT NULL)");
  return { url, admin };
}

function elect(url: string, name: string): LeaderElection {
  const election = createLeaderElection({ connectionString: url, retryMs: RETRY_MS, checkMs: CHECK_MS, queryTimeoutMs: QUERY_TIMEOUT_MS, holder: name });
  cleanups.push(() => election.stop());
  return election;
}

/** Polls until `predicate` holds; returns the milliseconds it took. */
async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await predicate())) {
    if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

async function leaderBackendPid(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
  );
  if (rows.length !== 1 || rows[0] === undefined) throw new Error(`expected one lock holder, found ${rows.length}`);
  return rows[0].pid;
}

/** BEGIN; assertLeader; INSERT; COMMIT — the shape of the store engine's fenced transaction. */
async function fencedInsert(url: string, election: LeaderElection, value: string): Promise<void> {
  const tx = await connect(url);
  await tx.query("BEGIN");
  try {
    await election.assertLeader(tx);
    await tx.query("INSERT INTO writes (value) VALUES ($1)", [value]);
    await tx.query("COMMIT");
  } catch (error) {
    await tx.query("ROLLBACK");
    throw error;
  }
}

async function currentTerm(admin: pg.Client): Promise<string | undefined> {
  const { rows } = await admin.query<{ term: string }>("SELECT term::text AS term FROM healthdeck_leader WHERE id = 1");
  return rows[0]?.term;
}

async function storedValues(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ value: string }>("SELECT value FROM writes ORDER BY value");
  return rows.map((row) => row.value);
}

describe("createLeaderElection", () => {
  it("elects exactly one leader among replicas that start at once", async () => {
    const { url } = await freshDatabase();
    const elections = [elect(url, "a"), elect(url, "b"), elect(url, "c")];
    await Promise.all(elections.map((election) => election.start()));
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 2));
    expect(elections.filter((election) => election.role === "leader")).toHaveLength(1);
  });

  it("hands over within two retry periods when the leader stops", async () => {
    const { url } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    const b = elect(url, "b");
    await b.start();
    expect([a.role, b.role]).toEqual(["leader", "follower"]);
    await a.stop();
    const takeoverMs = await waitFor(() => b.role === "leader", RETRY_MS * 2);
    console.info(`takeover after stop(): ${Math.round(takeoverMs)} ms`);
  });

  it("demotes a leader whose connection is terminated, fences its writes and lets the successor write", async () => {
    const { url, admin } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    const b = elect(url, "b");
    await b.start();
    const seen: ReplicaRole[] = [];
    a.onRoleChange((role) => seen.push(role));
    await fencedInsert(url, a, "a-while-leader");

    const terminatedAt = performance.now();
    await admin.query("SELECT pg_terminate_backend($1)", [await leaderBackendPid(admin)]);
    await waitFor(() => a.role === "follower", CHECK_MS + QUERY_TIMEOUT_MS);
    console.info(`demotion after pg_terminate_backend: ${Math.round(performance.now() - terminatedAt)} ms`);
    expect(seen).toEqual(["follower"]);
    await waitFor(() => b.role === "leader", RETRY_MS * 2);
    console.info(`takeover after pg_terminate_backend: ${Math.round(performance.now() - terminatedAt)} ms`);

    await expect(fencedInsert(url, a, "a-after-demotion")).rejects.toBeInstanceOf(FencedWriteError);
    await fencedInsert(url, b, "b-as-leader");
    expect(await storedValues(admin)).toEqual(["a-while-leader", "b-as-leader"]);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 2));
    expect([a.role, b.role]).toEqual(["follower", "leader"]);
  });

  it("fences by term in the database, and the leader demotes itself when the term moves", async () => {
    const { url, admin } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    await admin.query("UPDATE healthdeck_leader SET term = term + 1");
    await expect(fencedInsert(url, a, "stale-term")).rejects.toBeInstanceOf(FencedWriteError);
    expect(await storedValues(admin)).toEqual([]);
    const demotionMs = await waitFor(() => a.role === "follower", CHECK_MS + QUERY_TIMEOUT_MS);
    console.info(`demotion after a foreign term bump: ${Math.round(demotionMs)} ms`);
  });

  it("keeps leading while fenced transactions hold the term row longer than queryTimeoutMs", async () => {
    const { url, admin } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    const b = elect(url, "b");
    await b.start();
    const seen: ReplicaRole[] = [];
    a.onRoleChange((role) => seen.push(role));
    const termBefore = await currentTerm(admin);
    const tx = await connect(url);
    await tx.query("BEGIN");
    await a.assertLeader(tx);
    // Several renewals fall inside this transaction; each must finish without waiting for it.
    await new Promise((resolve) => setTimeout(resolve, 4 * QUERY_TIMEOUT_MS + CHECK_MS));
    await tx.query("INSERT INTO writes (value) VALUES ('a-long-fenced')");
    await tx.query("COMMIT");
    expect(seen).toEqual([]);
    expect([a.role, b.role]).toEqual(["leader", "follower"]);
    expect(await currentTerm(admin)).toBe(termBefore);
    await fencedInsert(url, a, "a-after");
    expect(await storedValues(admin)).toEqual(["a-after", "a-long-fenced"]);
  });

  it("keeps the heartbeat older replicas read (healthdeck_leader.heartbeat_at) fresh while no fenced transaction holds the row", async () => {
    const { url, admin } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    const age = async () => {
      const { rows } = await admin.query<{ ms: number }>("SELECT extract(epoch FROM now() - heartbeat_at) * 1000 AS ms FROM healthdeck_leader WHERE id = 1");
      return Number(rows[0]?.ms);
    };
    await new Promise((resolve) => setTimeout(resolve, 4 * CHECK_MS));
    expect(await age()).toBeLessThan(2 * CHECK_MS + QUERY_TIMEOUT_MS);
  });

  it("goes by the legacy heartbeat when an older replica leads: removes it once stale, leaves it while fresh", async () => {
    const { url, admin } = await freshDatabase();
    // A current replica led once, so the lease table exists with a term the older replica never updates.
    const first = elect(url, "first");
    await first.start();
    await first.stop();
    const older = await connect(url);
    older.on("error", () => {});
    expect((await older.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [LEADER_LOCK_KEY])).rows[0]?.locked).toBe(true);
    await older.query("UPDATE healthdeck_leader SET term = term + 1, heartbeat_at = now() + interval '1 hour', holder_pid = pg_backend_pid()");

    const b = elect(url, "b");
    await b.start();
    const staleMs = Math.max(3 * CHECK_MS + QUERY_TIMEOUT_MS, 2 * RETRY_MS);
    await new Promise((resolve) => setTimeout(resolve, staleMs + RETRY_MS * 3));
    expect(b.role).toBe("follower");

    await admin.query("UPDATE healthdeck_leader SET heartbeat_at = now() - interval '1 hour'");
    await waitFor(() => b.role === "leader", RETRY_MS * 3 + 1_000);
    await expect(older.query("SELECT 1")).rejects.toThrow();
  });

  it("makes the successor wait for the old leader's in-flight fenced transaction", async () => {
    const { url, admin } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    const b = elect(url, "b");
    await b.start();
    const tx = await connect(url);
    await tx.query("BEGIN");
    await a.assertLeader(tx);
    await admin.query("SELECT pg_terminate_backend($1)", [await leaderBackendPid(admin)]);
    await waitFor(() => a.role === "follower", CHECK_MS + QUERY_TIMEOUT_MS);
    // b holds the lock by now but its term bump waits on the row a's transaction holds FOR SHARE.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 2));
    expect(b.role).toBe("follower");
    await tx.query("INSERT INTO writes (value) VALUES ('a-in-flight')");
    await tx.query("COMMIT");
    await waitFor(() => b.role === "leader", 2_000);
    expect(await storedValues(admin)).toEqual(["a-in-flight"]);
  });

  it("keeps leading when one lease renewal answers after queryTimeoutMs and the retry is answered", async () => {
    const { url, admin } = await freshDatabase();
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
    const a = createLeaderElection({ connectionString: url, retryMs: RETRY_MS, checkMs: CHECK_MS, queryTimeoutMs: QUERY_TIMEOUT_MS, holder: "a", logger });
    cleanups.push(() => a.stop());
    await a.start();
    const seen: ReplicaRole[] = [];
    a.onRoleChange((role) => seen.push(role));
    // As on a starved CPU: the answer to one renewal comes late, then the server answers again.
    const pid = await leaderBackendPid(admin);
    process.kill(pid, "SIGSTOP");
    try {
      await waitFor(() => warnings.some((message) => message.startsWith("leader lease renewal failed")), CHECK_MS + QUERY_TIMEOUT_MS + 1_000);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await new Promise((resolve) => setTimeout(resolve, QUERY_TIMEOUT_MS + 2 * CHECK_MS));
    expect(seen).toEqual([]);
    expect(a.role).toBe("leader");
    expect(await leaderBackendPid(admin)).toBe(pid);
    await fencedInsert(url, a, "a-after-late-answer");
    expect(await storedValues(admin)).toEqual(["a-after-late-answer"]);
  });

  it("demotes a leader whose server stops answering within checkMs + two queryTimeoutMs (a renewal and its retry)", async () => {
    const { url, admin } = await freshDatabase();
    const a = elect(url, "a");
    await a.start();
    const b = elect(url, "b");
    await b.start();
    const pid = await leaderBackendPid(admin);
    process.kill(pid, "SIGSTOP");
    try {
      const demotionMs = await waitFor(() => a.role === "follower", CHECK_MS + 2 * QUERY_TIMEOUT_MS + 500);
      console.info(`demotion of a hung leader connection: ${Math.round(demotionMs)} ms`);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await waitFor(() => b.role === "leader", RETRY_MS * 2 + 1_000);
  });

  it("takes over within two retry periods after the leader process is killed with SIGKILL", async () => {
    const { url } = await freshDatabase();
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/run-leader-election.ts", url, String(RETRY_MS)], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "inherit"],
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    const lines = createInterface({ input: child.stdout });
    const childRoles: string[] = [];
    lines.on("line", (line) => childRoles.push(line));
    await waitFor(() => childRoles.includes("role leader"), 15_000);

    const parent = elect(url, "parent");
    await parent.start();
    expect(parent.role).toBe("follower");
    const killedAt = performance.now();
    child.kill("SIGKILL");
    await once(child, "exit");
    await waitFor(() => parent.role === "leader", RETRY_MS * 2);
    console.info(`takeover after SIGKILL of the leader process: ${Math.round(performance.now() - killedAt)} ms`);
  });

  it("removes a hung leader process (alive connection, no lease renewals) and takes over; the hung one demotes when it wakes", async () => {
    const { url } = await freshDatabase();
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/run-leader-election.ts", url, String(RETRY_MS)], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "inherit"],
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGCONT");
        child.kill("SIGKILL");
      }
    });
    const lines = createInterface({ input: child.stdout });
    const childRoles: string[] = [];
    lines.on("line", (line) => childRoles.push(line));
    await waitFor(() => childRoles.includes("role leader"), 15_000);

    const parent = elect(url, "parent");
    await parent.start();
    expect(parent.role).toBe("follower");
    const stoppedAt = performance.now();
    child.kill("SIGSTOP");
    // The lease is stale after max(3 × checkMs + queryTimeoutMs, 2 × retryMs); then one more retry takes the lock.
    const staleMs = Math.max(3 * CHECK_MS + QUERY_TIMEOUT_MS, 2 * RETRY_MS);
    await waitFor(() => parent.role === "leader", staleMs + RETRY_MS * 3 + 1_000);
    console.info(`takeover from a hung leader process: ${Math.round(performance.now() - stoppedAt)} ms`);
    child.kill("SIGCONT");
    await waitFor(() => childRoles.at(-1) === "role follower", 10_000);
    expect(parent.role).toBe("leader");
  });
});
