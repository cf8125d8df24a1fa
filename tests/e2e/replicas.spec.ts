import { expect, test } from "@playwright/test";
import { E2E_PORT_OFFSET } from "../../playwright.config";
import { openSseClient, type SseClient } from "../integration/stream-sse-client";
import { startPostgres, type TestPostgres } from "../support/start-postgres";
import {
  replicaEnvironment,
  startReplica,
  startSimulatorProcess,
  waitUntil,
  type ReplicaProcess,
  type SimulatorProcess,
} from "../support/replica-cluster";
import { buildHealthEvent, INGEST_TOKEN } from "./health-event";

/**
 * Three real `next start` replicas of the production build on one private PostgreSQL, polling their own simulator:
 * one poller, failover on kill -9, fan-out to every replica's streams, resumption, and ingest exactly once.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const SIMULATOR_PORT = 4120 + E2E_PORT_OFFSET;
const PORTS = [3121, 3122, 3123].map((port) => port + E2E_PORT_OFFSET);

let postgres: TestPostgres;
let simulator: SimulatorProcess;
let databaseUrl: string;
const replicas = new Map<number, ReplicaProcess>();

const start = async (port: number) => {
  const replica = await startReplica({ port, env: replicaEnvironment(simulator.url, databaseUrl) });
  replicas.set(port, replica);
  return replica;
};
const running = () => [...replicas.values()].filter((replica) => replica.isRunning);
const leaderOf = async (among: readonly ReplicaProcess[]) => {
  const roles = await Promise.all(among.map(async (replica) => ({ replica, role: (await replica.health()).role })));
  const leaders = roles.filter((entry) => entry.role === "leader");
  return leaders.length === 1 && roles.every((entry) => entry.role === "leader" || entry.role === "follower") ? (leaders[0]?.replica ?? null) : null;
};
const currentEventsPolls = async () => (await simulator.requests())["/public/currentevents"] ?? 0;

test.beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase("replicas");
  simulator = await startSimulatorProcess({ port: SIMULATOR_PORT, scenario: "e2e-board" });
  // All three at the same moment: migrations must run once, and exactly one must win the lock.
  await Promise.all(PORTS.map(start));
});

test.afterAll(async () => {
  await Promise.all([...replicas.values()].map((replica) => replica.stop()));
  await simulator?.stop();
  await postgres?.stop();
});

test("exactly one replica is the leader, and AWS sees the requests of one poller", async () => {
  const leader = await waitUntil("one leader", () => leaderOf(running()), 30_000);
  const roles = await Promise.all(running().map(async (replica) => (await replica.health()).role));
  expect(roles.sort()).toEqual(["follower", "follower", "leader"]);
  expect((await leader.health()).engine).toBe("postgres");
  expect((await leader.health()).poller.running).toBe(true);

  await simulator.resetStats();
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  // One poller at a 1 s interval makes about 6 currentevents requests in 6 s; three pollers would make ~18.
  const polls = await currentEventsPolls();
  expect(polls).toBeGreaterThanOrEqual(3);
  expect(polls).toBeLessThanOrEqual(8);
});

test("a change reaches the open streams on every replica", async () => {
  const streams: SseClient[] = await Promise.all(running().map((replica) => openSseClient(`${replica.origin}/api/v1/stream?region=us-east-1`)));
  try {
    for (const stream of streams) await stream.waitFor((event) => event.event === "snapshot", 15_000);
    await simulator.step();
    await Promise.all(streams.map((stream) => stream.waitFor((event) => event.event === "change" && event.data.includes("Increased API Error Rates"), 20_000)));
  } finally {
    for (const stream of streams) stream.close();
  }
});

test("kill -9 of the leader mid-cycle: another replica takes over, nothing is lost or doubled", async () => {
  const leader = await waitUntil("one leader", () => leaderOf(running()), 30_000);
  const killedAt = Date.now();
  await leader.kill();
  const survivors = running();
  const successor = await waitUntil("a new leader", () => leaderOf(survivors), 30_000);
  expect(successor.origin).not.toBe(leader.origin);
  // The successor polls: the currentevents source succeeds after the kill.
  await waitUntil(
    "a poll by the new leader",
    async () => {
      const source = (await successor.health()).sources.find((item) => item.id === "public-currentevents");
      return source?.lastSuccessAt && Date.parse(source.lastSuccessAt) > killedAt ? true : null;
    },
    20_000,
  );

  await simulator.step();
  const history = await waitUntil(
    "the update in history",
    async () => {
      const body = (await (await fetch(`${successor.origin}/api/v1/history`)).json()) as { events: { id: string; key: string; status: string; updates: { at: string; status: string }[] }[] };
      const ec2 = body.events.find((event) => event.key === "ec2-us-east-1");
      return ec2 && ec2.status === "disrupted" ? body.events : null;
    },
    20_000,
  );
  const ids = history.map((event) => event.id);
  expect(new Set(ids).size).toBe(ids.length);
  const ec2 = history.find((event) => event.key === "ec2-us-east-1");
  expect(ec2?.updates.map((update) => update.status)).toEqual(["disrupted", "degraded"]);
  const updateTimes = ec2?.updates.map((update) => update.at) ?? [];
  expect(new Set(updateTimes).size).toBe(updateTimes.length);
  // The killed replica comes back as a follower: leadership does not flip back.
  await start(PORTS[PORTS.indexOf(Number(new URL(leader.origin).port))] ?? 0);
  await waitUntil("one leader among three", () => leaderOf(running()), 30_000);
  expect((await leaderOf(running()))?.origin).toBe(successor.origin);
});

test("a replica restarted with a stale stream id resumes without gaps", async () => {
  const follower = (await Promise.all(running().map(async (replica) => ({ replica, role: (await replica.health()).role })))).find((entry) => entry.role === "follower")?.replica;
  if (!follower) throw new Error("no follower");
  const first = await openSseClient(`${follower.origin}/api/v1/stream?region=us-east-1`);
  const before = await first.waitFor((event) => event.event === "snapshot", 15_000);
  first.close();
  const ec2Of = (data: string) => (JSON.parse(data) as { status: { events: { key: string; resolved: boolean }[] } }).status.events.find((event) => event.key === "ec2-us-east-1");
  expect(ec2Of(before.data)?.resolved).toBe(false);
  const port = Number(new URL(follower.origin).port);
  await follower.stop();
  // While it is down, the leader stores a change: the EC2 event resolves.
  await simulator.step();
  const leader = await waitUntil("one leader", () => leaderOf(running()), 30_000);
  await waitUntil(
    "the resolution stored",
    async () => {
      const body = (await (await fetch(`${leader.origin}/api/v1/history?region=us-east-1`)).json()) as { events: { key: string; resolved: boolean }[] };
      return body.events.some((event) => event.key === "ec2-us-east-1" && event.resolved) ? true : null;
    },
    20_000,
  );
  const restarted = await start(port);
  const resumed = await openSseClient(`${restarted.origin}/api/v1/stream?region=us-east-1`, { "last-event-id": before.id ?? "stale" });
  try {
    // The id is unknown to the new process: the stream starts from a full snapshot that holds the change it missed.
    const snapshot = await resumed.waitFor((event) => event.event === "snapshot", 15_000);
    expect(ec2Of(snapshot.data)?.resolved).toBe(true);
  } finally {
    resumed.close();
  }
});

test("an EventBridge delivery posted to two replicas at once is stored once", async () => {
  const [a, b] = running();
  if (!a || !b) throw new Error("two replicas expected");
  const event = buildHealthEvent({
    account: "123456789012",
    arn: "arn:aws:health:eu-west-1::event/RDS/AWS_RDS_OPERATIONAL_ISSUE/AWS_RDS_OPERATIONAL_ISSUE_REPLICAS",
    service: "RDS",
    code: "AWS_RDS_OPERATIONAL_ISSUE",
    category: "issue",
    status: "open",
    region: "eu-west-1",
    description: "Increased connectivity errors.",
    communicationId: "replicas-1",
    startMs: Date.now() - 60_000,
    entities: [{ entityValue: "db-replicas", status: "IMPAIRED" }],
  });
  const post = (replica: ReplicaProcess) =>
    fetch(`${replica.origin}/api/v1/ingest/eventbridge`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${INGEST_TOKEN}` },
      body: JSON.stringify(event),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { accepted: number; duplicates: number } }));
  const answers = await Promise.all([post(a), post(b)]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  expect(answers.map((answer) => answer.body.accepted).sort()).toEqual([0, 1]);
  expect(answers.map((answer) => answer.body.duplicates).sort()).toEqual([0, 1]);
  for (const replica of running()) {
    const body = (await (await fetch(`${replica.origin}/api/v1/account/events?type=AWS_RDS_OPERATIONAL_ISSUE`)).json()) as { events: { arn: string }[] };
    expect(body.events.filter((item) => item.arn.endsWith("_REPLICAS"))).toHaveLength(1);
  }
  const changes = (await (await fetch(`${a.origin}/api/v1/changes?account=123456789012&category=issue`)).json()) as { changes: { kind: string; subject: { arn?: string } }[] };
  expect(changes.changes.filter((change) => change.kind === "account.event.opened" && change.subject.arn?.endsWith("_REPLICAS"))).toHaveLength(1);
});
