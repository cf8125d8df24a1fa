import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import { createHealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { listenWebhookReceiver, type Answer, type Receiver } from "@/tests/support/notify-receivers";

/**
 * The dispatcher as a real process, killed with SIGKILL (no shutdown code runs) mid-burst and started again. A send
 * whose answer was not recorded before the kill is sent again once its claim lease ends (NOTIFY_LEASE_MS here, 90 s
 * by default), with the same webhook-id: a receiver that de-duplicates on it sees every message exactly once.
 */
const SECRET = `whsec_${Buffer.alloc(32, 3).toString("base64")}`;
const LEASE_MS = 1_500;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startChild(dataDir: string, notifyFile: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/notify-dispatch-child.ts", dataDir, notifyFile], {
    env: { ...process.env, HOOK_SECRET: SECRET, NOTIFY_LEASE_MS: String(LEASE_MS) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

const waitFor = async (condition: () => boolean, timeoutMs = 30_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

async function setUp(answers: (index: number) => Answer, storm: object | false, deliveries: (now: number) => NewDelivery[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "notify-crash-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const hook: Receiver = await listenWebhookReceiver(SECRET, { answers, delayMs: 20 });
  cleanups.push(() => hook.close());
  const notifyFile = path.join(dir, "notify.json");
  writeFileSync(notifyFile, JSON.stringify({ channels: [{ id: "hook", type: "webhook", url: hook.url, secret: "${HOOK_SECRET}", storm }], rules: [{ channels: ["hook"] }] }));
  const store = createHealthdeckStore(openSqliteEngine(dir));
  await store.write((tx) => tx.outbox.enqueue(deliveries(Date.now())));
  await store.close();
  const readCounts = async () => {
    const reader = createHealthdeckStore(openSqliteEngine(dir));
    try {
      return { counts: await reader.outbox.countByStatus(), rows: await reader.outbox.list({ after: 0, limit: 1000, channel: null, status: null }) };
    } finally {
      await reader.close();
    }
  };
  return { dir, hook, notifyFile, readCounts };
}

const sample = (index: number, now: number): NewDelivery => ({
  key: `hook:event-${index}:opened:${index}`,
  channel: "hook",
  kind: "opened",
  eventId: `event-${index}`,
  journalId: index,
  createdAt: now,
  deadlineAt: now + 600_000,
  message: { body: { type: "event.opened", data: { index } } },
  change: buildSampleChange({ eventId: `event-${index}`, journalId: index, link: `https://health.example.com/events/event-${index}` }, now),
});

describe("a dispatcher process killed with SIGKILL", () => {
  it("mid-burst: after a restart every message arrives; a repeat is only the one in flight, with the same webhook-id", async () => {
    const { hook, dir, notifyFile, readCounts } = await setUp(() => ({ status: 200 }), false, (now) => Array.from({ length: 60 }, (_, index) => sample(index + 1, now)));
    const first = startChild(dir, notifyFile);
    await waitFor(() => hook.received.length >= 15);
    await kill(first, "SIGKILL");
    const atKill = hook.received.length;
    expect(atKill).toBeLessThan(60);
    const second = startChild(dir, notifyFile);
    await waitFor(() => new Set(hook.received.map((receipt) => receipt.id)).size >= 60);
    // Long enough for a lease of the killed process to end and anything it held to be sent again.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1_000));
    await kill(second, "SIGTERM");
    const ids = hook.received.map((receipt) => receipt.id);
    expect(hook.rejected).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 60 }, (_, index) => `hook:event-${index + 1}:opened:${index + 1}`)));
    // One channel sends one message at a time: at most the one in flight at the kill can arrive twice.
    expect(ids.length - 60).toBeLessThanOrEqual(1);
    expect((await readCounts()).counts).toEqual({ queued: 0, sent: 60, failed: 0, expired: 0, folded: 0 });
  }, 60_000);

  it("between folding a storm and sending its digest: the digest arrives (again only with the same webhook-id), nothing folded is lost or sent alone", async () => {
    // The first request (the digest) never gets an answer: the process is killed while it waits.
    const { hook, dir, notifyFile, readCounts } = await setUp((index) => (index === 0 ? "hang" : { status: 200 }), { messages: 5, minutes: 5 }, (now) =>
      Array.from({ length: 30 }, (_, index) => sample(index + 1, now)),
    );
    const first = startChild(dir, notifyFile);
    await waitFor(() => hook.requests >= 1);
    await kill(first, "SIGKILL");
    const second = startChild(dir, notifyFile);
    await waitFor(() => hook.received.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await kill(second, "SIGTERM");
    expect(hook.received).toHaveLength(1);
    const [digest] = hook.received;
    expect(digest?.id).toMatch(/^hook:digest:\d+$/);
    const body = digest?.body as { type: string; data: { total: number; items: { eventId: string }[] } };
    expect(body.type).toBe("digest");
    expect(body.data.items.map((item) => item.eventId)).toEqual(Array.from({ length: 30 }, (_, index) => `event-${index + 1}`));
    const { counts, rows } = await readCounts();
    expect(counts).toEqual({ queued: 0, sent: 1, failed: 0, expired: 0, folded: 30 });
    const digestRow = rows.find((row) => row.kind === "digest");
    expect(rows.filter((row) => row.status === "folded").every((row) => row.foldedInto === digestRow?.id)).toBe(true);
    expect(digestRow?.attempts).toBe(1);
  }, 60_000);
});
