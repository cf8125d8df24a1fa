import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createDispatcher } from "@/lib/server/outputs/delivery/create-dispatcher";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { listenWebhookReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { waitUntil } from "@/tests/support/replica-cluster";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

/** Three runtimes on one PostgreSQL database: only the leader dispatches, and a change of leader repeats nothing. */
const SECRET = `whsec_${Buffer.alloc(32, 4).toString("base64")}`;
const dir = mkdtempSync(path.join(tmpdir(), "notify-replicas-"));
let postgres: TestPostgres;
let hook: Receiver;
let stormHook: Receiver;
let first: PublicStack;
let second: PublicStack;
let third: PublicStack;

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase("notify_replicas");
  hook = await listenWebhookReceiver(SECRET, { delayMs: 20 });
  stormHook = await listenWebhookReceiver(SECRET, { delayMs: 20 });
  const file = path.join(dir, "notify.yaml");
  writeFileSync(
    file,
    `channels:\n  - id: hook\n    type: webhook\n    url: ${hook.url}\n    secret: \${HOOK_SECRET}\n  - id: storm\n    type: webhook\n    url: ${stormHook.url}\n    secret: \${HOOK_SECRET}\n    storm: { messages: 5, minutes: 5 }\nrules:\n  - channels: [hook]\n`,
  );
  const options = {
    scenario: INCIDENT_SCENARIO,
    databaseUrl,
    leaderRetryMs: 300,
    env: { HEALTHDECK_NOTIFY_CONFIG: file },
    notify: { env: { HOOK_SECRET: SECRET }, intervalMs: 50, requestTimeoutMs: 2000 },
  };
  first = await startPublicStack(options);
  await waitUntil("the first replica to lead", async () => (first.runtime.store.coordinator.role === "leader" ? true : null), 10_000);
  second = await startPublicStack(options);
  await waitUntil("the second replica to follow", async () => (second.runtime.store.coordinator.role === "follower" ? true : null), 10_000);
  third = await startPublicStack(options);
  await waitUntil("the third replica to follow", async () => (third.runtime.store.coordinator.role === "follower" ? true : null), 10_000);
}, 90_000);

afterAll(async () => {
  await third?.close();
  await second?.close();
  await first?.close();
  await hook?.close();
  await stormHook?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const sample = (index: number, now: number): NewDelivery => ({
  key: `hook:event-${index}:opened:${index}`,
  channel: "hook",
  kind: "opened",
  eventId: `event-${index}`,
  journalId: index,
  createdAt: now,
  deadlineAt: now + 60_000,
  message: { body: { type: "event.opened", timestamp: new Date(now).toISOString(), data: { index } } },
});

describe("notifications with three replicas on PostgreSQL", () => {
  it("only the leader sends; when it stops mid-burst the new leader finishes; nothing arrives twice", async () => {
    const now = Date.now();
    await second.runtime.store.write((tx) => tx.outbox.enqueue(Array.from({ length: 40 }, (_, index) => sample(index + 1, now))));

    // A follower that runs the dispatcher anyway cannot claim: its writes are fenced by the leader term.
    await second.runtime.poller.runNow("notify-dispatch");
    expect(hook.requests).toBe(0);

    first.runtime.followLeadership();
    second.runtime.followLeadership();
    third.runtime.followLeadership();
    expect(second.runtime.poller.isRunning).toBe(false);
    expect(third.runtime.poller.isRunning).toBe(false);
    await waitUntil("some deliveries", async () => (hook.received.length >= 10 ? true : null), 30_000);
    await first.runtime.close();
    const successor = await waitUntil(
      "one of the other two to lead",
      async () => [second, third].find((stack) => stack.runtime.store.coordinator.role === "leader") ?? null,
      30_000,
    );
    // Exactly one dispatcher: the other replica still follows and its poller (with the dispatcher) never runs.
    const bystander = successor === second ? third : second;
    expect(bystander.runtime.store.coordinator.role).toBe("follower");
    expect(bystander.runtime.poller.isRunning).toBe(false);
    // A claim the old leader could not give back in time comes back after its lease (about a minute here): still once.
    await waitUntil("every delivery", async () => (hook.received.length >= 40 ? true : null), 90_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = hook.received.map((receipt) => receipt.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await successor.runtime.store.outbox.countByStatus()).toEqual({ queued: 0, sent: 40, failed: 0, expired: 0, folded: 0 });
  }, 180_000);

  it("two dispatchers racing over one storm on PostgreSQL make one digest, and every folded message is in it once", async () => {
    const leader = await waitUntil("a leader", async () => [second, third].find((stack) => stack.runtime.store.coordinator.role === "leader") ?? null, 15_000);
    const store = leader.runtime.store;
    const config = leader.runtime.notifications?.config;
    if (!config) throw new Error("notifications are off");
    const now = Date.now();
    await store.write((tx) =>
      tx.outbox.enqueue(
        Array.from({ length: 30 }, (_, index) => ({
          ...sample(index + 1, now),
          key: `storm:event-${index + 1}:opened`,
          channel: "storm",
          change: buildSampleChange({ eventId: `event-${index + 1}`, journalId: index + 1 }, now),
        })),
      ),
    );
    const dispatchers = [0, 1].map(() => createDispatcher({ store, config, now: Date.now, logger: silentLogger, requestTimeoutMs: 2000 }));
    const signal = new AbortController().signal;
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.run(signal)));
    // The leader's own dispatcher races too: a storm split across digests may still have one in flight, so wait
    // until every message is folded and every digest is sent rather than a fixed moment after the first.
    // Should it never settle, the assertions below report the outbox as it last was, not only that time ran out.
    let last: Awaited<ReturnType<typeof store.outbox.list>> = [];
    const rows = await waitUntil(
      "every message folded and every digest sent",
      async () => {
        const listed = await store.outbox.list({ after: 0, limit: 1000, channel: "storm", status: null });
        last = listed;
        const digests = listed.filter((row) => row.kind === "digest");
        const isSettled = listed.filter((row) => row.status === "folded").length === 30 && digests.length > 0 && digests.every((row) => row.status === "sent");
        return isSettled && stormHook.received.length >= digests.length ? listed : null;
      },
      15_000,
    ).catch(() => last);
    expect(rows.map((row) => `${row.kind}:${row.status}`).filter((entry) => !entry.endsWith(":folded") && entry !== "digest:sent")).toEqual([]);
    expect(stormHook.rejected).toEqual([]);
    const listed = stormHook.received.flatMap((receipt) => (receipt.body as { data: { items: { eventId: string }[] } }).data.items.map((item) => item.eventId));
    // However the two interleave, each message is folded once: in one digest, or split across digests, never twice.
    expect(listed.sort()).toEqual(Array.from({ length: 30 }, (_, index) => `event-${index + 1}`).sort());
    expect(new Set(stormHook.received.map((receipt) => receipt.id)).size).toBe(stormHook.received.length);
    expect(rows.filter((row) => row.status === "folded")).toHaveLength(30);
    expect(rows.filter((row) => row.kind === "digest").every((row) => row.status === "sent")).toBe(true);
  }, 60_000);
});
