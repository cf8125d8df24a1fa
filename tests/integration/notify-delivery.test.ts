import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createDispatcher } from "@/lib/server/outputs/delivery/create-dispatcher";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { renderSlackMessage } from "@/lib/server/outputs/slack/render-slack-message";
import { listenSlackReceiver, listenWebhookReceiver, type Answer, type Receiver } from "@/tests/support/notify-receivers";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";
import type { Scenario } from "@/lib/simulator/scenario-schema";
import { startAccountHealthStack } from "@/tests/support/account-health-test-stack";

const SECRET = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
const dir = mkdtempSync(path.join(tmpdir(), "notify-it-"));
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FAST = { requestTimeoutMs: 300, retryBaseMs: 40, retryCapMs: 200, intervalMs: 50 };

async function startStack(channels: object[], rules: object[] = [{ channels: channels.map((channel) => (channel as { id: string }).id) }]): Promise<PublicStack> {
  const file = path.join(dir, `notify-${open.length}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ channels, rules }));
  const stack = await startPublicStack({
    scenario: INCIDENT_SCENARIO,
    env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_PUBLIC_URL: "https://health.example.com/", HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600" },
    notify: { env: { HOOK_SECRET: SECRET }, ...FAST },
  });
  open.push(stack);
  return stack;
}

const track = (receiver: Receiver) => {
  open.push(receiver);
  return receiver;
};
const dispatch = (stack: PublicStack) => stack.runtime.poller.runNow("notify-dispatch");
const deliveries = (stack: PublicStack) => stack.runtime.store.outbox.list({ after: 0, limit: 1000, channel: null, status: null });
const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("notifications end to end", () => {
  it("an incident opens, updates and resolves: the receivers get opened → updated → resolved, in order, signed and within Slack's limits", async () => {
    const hook = track(await listenWebhookReceiver(SECRET));
    const slack = track(await listenSlackReceiver());
    const stack = await startStack([
      { id: "hook", type: "webhook", url: `${hook.url}/in`, secret: "${HOOK_SECRET}" },
      { id: "ops", type: "slack", url: `${slack.url}/services/T/B/x` },
    ]);
    await stack.pollAll();
    await dispatch(stack);
    for (let step = 0; step < INCIDENT_SCENARIO.steps.length; step += 1) {
      stack.simulator.step();
      await stack.pollAll();
      await dispatch(stack);
    }
    expect(hook.rejected).toEqual([]);
    expect(slack.rejected).toEqual([]);
    type Body = { type: string; data: { event: { id: string; summary: string; resolved: boolean }; link: string } };
    const byEvent = new Map<string, string[]>();
    for (const receipt of hook.received) {
      const body = receipt.body as Body;
      byEvent.set(body.data.event.id, [...(byEvent.get(body.data.event.id) ?? []), body.type]);
    }
    expect(byEvent.size).toBe(2);
    for (const types of byEvent.values()) {
      expect(types[0]).toBe("event.opened");
      expect(types.at(-1)).toBe("event.resolved");
      expect(types.filter((type) => type === "event.opened")).toHaveLength(1);
      expect(types.slice(1, -1).every((type) => type === "event.updated")).toBe(true);
      expect(types.length).toBeGreaterThanOrEqual(3);
    }
    const first = hook.received[0]?.body as Body;
    expect(first.data.link).toMatch(/^https:\/\/health\.example\.com\/events\//);
    expect(new Set(hook.received.map((receipt) => receipt.id)).size).toBe(hook.received.length);
    expect(slack.received).toHaveLength(hook.received.length);
    const headers = slack.received.map((receipt) => (receipt.body as { blocks: { type: string; text?: { text: string } }[] }).blocks[0]?.text?.text ?? "");
    expect(headers.filter((header) => header.includes("New:"))).toHaveLength(2);
    expect(headers.filter((header) => header.includes("Update:")).length).toBeGreaterThanOrEqual(2);
    expect(headers.filter((header) => header.includes("Resolved:"))).toHaveLength(2);
    expect((await deliveries(stack)).every((delivery) => delivery.status === "sent" && delivery.attempts === 1)).toBe(true);
  }, 60_000);
});

describe("the dispatcher is woken by the change", () => {
  it("a change that queues a message reaches the receiver without waiting for the dispatcher's next tick", async () => {
    const hook = track(await listenWebhookReceiver(SECRET));
    const file = path.join(dir, `notify-wake-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify({ channels: [{ id: "hook", type: "webhook", url: hook.url, secret: "${HOOK_SECRET}" }], rules: [{ channels: ["hook"] }] }));
    const stack = await startPublicStack({
      scenario: INCIDENT_SCENARIO,
      env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600" },
      // The dispatcher's tick is a minute away: only the wake can deliver within the wait below.
      notify: { env: { HOOK_SECRET: SECRET }, ...FAST, intervalMs: 60_000 },
    });
    open.push(stack);
    stack.runtime.poller.start();
    await stack.pollAll();
    await waitFor(async () => (await deliveries(stack)).every((delivery) => delivery.status !== "queued"));
    const before = hook.received.length;
    stack.simulator.step();
    await stack.pollAll();
    await waitFor(() => hook.received.length > before, 20_000);
    expect((hook.received.at(-1)?.body as { type: string }).type).toBe("event.opened");
  }, 40_000);
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACCOUNT = "123456789012";
/** An EC2 incident that touches the account opens, is updated and resolves, while an instance retirement approaches. */
const INCIDENT_AND_RETIREMENT: Scenario = {
  name: "it-notify-incident-and-retirement",
  accounts: [{ id: ACCOUNT, name: "production", management: true }],
  steps: [
    {
      label: "incident opens; a retirement is scheduled in 8 days",
      actions: [
        {
          type: "open-event",
          id: "ec2",
          key: "ec2-us-east-1",
          region: "us-east-1",
          typeCode: "AWS_EC2_OPERATIONAL_ISSUE",
          summary: "Increased API Error Rates",
          level: 1,
          message: "We are investigating increased API error rates.",
          accountImpact: { generate: { count: 3, status: "IMPAIRED", valuePrefix: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-` } },
        },
        {
          type: "open-account-event",
          id: "retire",
          service: "EC2",
          eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
          category: "scheduledChange",
          region: "us-east-1",
          status: "upcoming",
          startOffset: 8 * 86_400,
          description: "Instance i-0abc will be retired.",
          entities: [{ value: "i-0abc", status: "PENDING" }],
        },
      ],
    },
    { label: "escalates", actions: [{ type: "update-event", id: "ec2", level: 3, message: "Instances in a single Availability Zone are impaired." }] },
    { label: "resolves", actions: [{ type: "resolve-event", id: "ec2", message: "The issue has been resolved." }] },
  ],
};

describe("notifications end to end, both sides", () => {
  it("an incident opens, is updated and resolves, and a scheduled change approaches: opened → updated → resolved, then the 7d, 1d and 1h reminders, in order and right", async () => {
    // The receiver lives on the simulated timeline: the runtime's clock walks days ahead to the reminders.
    const timeline = { now: Date.now() };
    const hook = track(await listenWebhookReceiver(SECRET, { clock: () => timeline.now }));
    const slack = track(await listenSlackReceiver());
    const file = path.join(dir, `notify-both-${Date.now()}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        channels: [
          { id: "hook", type: "webhook", url: `${hook.url}/in`, secret: "${HOOK_SECRET}" },
          { id: "ops", type: "slack", url: `${slack.url}/services/T/B/x` },
        ],
        rules: [{ channels: ["hook", "ops"] }],
      }),
    );
    const t0 = timeline.now;
    const stack = await startAccountHealthStack({
      scenario: INCIDENT_AND_RETIREMENT,
      accountId: ACCOUNT,
      env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_PUBLIC_URL: "https://health.example.com", HEALTHDECK_ACCOUNT_NAMES: `${ACCOUNT}=Prod` },
      notify: { env: { HOOK_SECRET: SECRET }, ...FAST },
    });
    open.push(stack);
    stack.clock.now = t0;
    const runtime = () => stack.runtime;
    const cycle = async () => {
      await stack.poll();
      for (const id of ["public-catalog", "public-currentevents", "public-rss"]) await runtime().poller.runNow(id);
      await runtime().poller.runNow("notify-reminders");
      await runtime().poller.runNow("notify-dispatch");
    };
    for (let step = 0; step < INCIDENT_AND_RETIREMENT.steps.length; step += 1) {
      stack.clock.now = timeline.now = t0 + step * 60_000;
      stack.pair.step();
      await cycle();
    }
    // The retirement's start, as the account poll stored it; the clock then walks towards it (no waiting).
    const start = t0 + 8 * DAY;
    for (const at of [start - 7 * DAY + 60_000, start - 2 * DAY, start - DAY + 60_000, start - HOUR + 60_000, start + 60_000]) {
      stack.clock.now = timeline.now = at;
      await runtime().poller.runNow("notify-reminders");
      await runtime().poller.runNow("notify-dispatch");
    }
    expect(hook.rejected).toEqual([]);
    expect(slack.rejected).toEqual([]);

    type Body = { type: string; data: { accounts: string[]; accountImpactText: string | null; reminder?: { offset: string; text: string }; event: Record<string, unknown> } };
    const bodies = hook.received.map((receipt) => receipt.body as Body);
    const publicIncident = bodies.filter((body) => body.data.event.key === "ec2-us-east-1");
    expect(publicIncident.map((body) => body.type)).toEqual(["event.opened", "event.updated", "event.resolved"]);
    expect(publicIncident.map((body) => body.data.event.status)).toEqual(["degraded", "disrupted", expect.any(String)]);
    expect(publicIncident[0]?.data.accountImpactText).toBe("Touches your accounts: 1 event, 3 resources");
    expect(publicIncident[0]?.data.accounts).toEqual([`Prod (${ACCOUNT})`]);

    const retirement = bodies.filter((body) => body.data.event.eventTypeCode === "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    const startsAt = String(retirement[0]?.data.event.startTime);
    expect(Math.abs(Date.parse(startsAt) - start)).toBeLessThan(1000);
    const when = startsAt.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
    // The poll stores an event, then its resources in a second transaction: their arrival is an update (it lists them).
    expect(retirement.map((body) => body.type)).toEqual(["event.opened", "event.updated", "event.reminder", "event.reminder", "event.reminder"]);
    expect(retirement[1]?.data.event.entityCounts).toEqual({ total: 1, byStatus: { PENDING: 1 } });
    expect(retirement.slice(2).map((body) => body.data.reminder?.text)).toEqual(["7 days", "1 day", "1 hour"].map((words) => `Reminder: starts in ${words} (${when})`));
    expect(retirement[0]?.data.accounts).toEqual([`Prod (${ACCOUNT})`]);

    const headers = slack.received.map((receipt) => (receipt.body as { blocks: { type: string; text?: { text: string } }[] }).blocks[0]?.text?.text ?? "");
    expect(headers.filter((header) => header.includes("Reminder: AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"))).toHaveLength(3);
    const slackTexts = slack.received.map((receipt) => JSON.stringify(receipt.body));
    expect(slackTexts.filter((text) => text.includes(`Reminder: starts in 1 day (${when})`))).toHaveLength(1);
    expect(slackTexts.some((text) => text.includes("Touches your accounts: 1 event, 3 resources"))).toBe(true);
    expect(new Set(hook.received.map((receipt) => receipt.id)).size).toBe(hook.received.length);
  }, 90_000);
});

/** A webhook delivery written straight into the outbox, as the router would, for the dispatcher's faults. */
const sample = (channel: string, index: number, now: number): NewDelivery => ({
  key: `${channel}:event-${index}:opened:${index}`,
  channel,
  kind: "opened",
  eventId: `event-${index}`,
  journalId: index,
  createdAt: now,
  deadlineAt: now + 60_000,
  message: { body: { type: "event.opened", timestamp: new Date(now).toISOString(), data: { index } } },
});

describe("the dispatcher under faults", () => {
  it("honours 429 Retry-After, retries 500s and a hang past the timeout with the same webhook-id, then delivers once", async () => {
    const script: Answer[] = [{ status: 429, headers: { "retry-after": "1" } }, { status: 500 }, "hang", { status: 503 }];
    const hook = track(await listenWebhookReceiver(SECRET, { answers: (index) => script[index] ?? { status: 200 } }));
    const stack = await startStack([{ id: "hook", type: "webhook", url: hook.url, secret: "${HOOK_SECRET}" }]);
    const now = Date.now();
    await stack.runtime.store.write((tx) => tx.outbox.enqueue([sample("hook", 1, now)]));
    const started = Date.now();
    stack.runtime.poller.start();
    await waitFor(() => hook.received.length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(hook.requests).toBe(5);
    expect(hook.received.map((receipt) => receipt.id)).toEqual(["hook:event-1:opened:1"]);
    await waitFor(async () => (await deliveries(stack))[0]?.status === "sent");
    expect(await deliveries(stack)).toEqual([expect.objectContaining({ status: "sent", attempts: 5, lastStatus: 200, lastError: null })]);
  }, 30_000);

  it("gives up at the deadline when the receiver refuses connections, saying why", async () => {
    const gone = await listenWebhookReceiver(SECRET);
    const url = gone.url;
    await gone.close();
    const stack = await startStack([{ id: "hook", type: "webhook", url, secret: "${HOOK_SECRET}" }]);
    const now = Date.now();
    await stack.runtime.store.write((tx) => tx.outbox.enqueue([{ ...sample("hook", 1, now), deadlineAt: now + 3_000 }]));
    stack.runtime.poller.start();
    await waitFor(async () => (await deliveries(stack))[0]?.status === "expired");
    const [expired] = await deliveries(stack);
    // How many attempts fit before the deadline depends on the machine's load; at least one, and the reason is kept.
    expect(expired?.attempts).toBeGreaterThanOrEqual(1);
    expect(expired?.lastError).toMatch(/deadline.*network error/);
    expect(await stack.runtime.store.outbox.countByStatus()).toEqual({ queued: 0, sent: 0, failed: 0, expired: 1, folded: 0 });
  }, 30_000);

  it("a 410 marks the channel broken: its other deliveries fail without a request, others still go", async () => {
    const gone = track(await listenWebhookReceiver(SECRET, { answers: () => ({ status: 410 }) }));
    const fine = track(await listenWebhookReceiver(SECRET));
    const stack = await startStack([
      { id: "gone", type: "webhook", url: gone.url, secret: "${HOOK_SECRET}" },
      { id: "fine", type: "webhook", url: fine.url, secret: "${HOOK_SECRET}" },
    ]);
    const now = Date.now();
    await stack.runtime.store.write((tx) => tx.outbox.enqueue([sample("gone", 1, now), sample("gone", 2, now), sample("fine", 3, now)]));
    await dispatch(stack);
    expect(gone.requests).toBe(1);
    expect(fine.received).toHaveLength(1);
    expect((await deliveries(stack)).map((delivery) => [delivery.channel, delivery.status, delivery.lastStatus])).toEqual([
      ["gone", "failed", 410],
      ["gone", "failed", null],
      ["fine", "sent", 200],
    ]);
    expect(await stack.runtime.store.outbox.listBrokenChannels()).toEqual([expect.objectContaining({ channel: "gone", reason: expect.stringContaining("HTTP 410") })]);
  }, 30_000);

  it("killed and restarted mid-burst, every message arrives exactly once by webhook-id", async () => {
    const hook = track(await listenWebhookReceiver(SECRET, { delayMs: 15 }));
    const stack = await startStack([{ id: "hook", type: "webhook", url: hook.url, secret: "${HOOK_SECRET}" }]);
    const now = Date.now();
    await stack.runtime.store.write((tx) => tx.outbox.enqueue(Array.from({ length: 40 }, (_, index) => sample("hook", index + 1, now))));
    stack.runtime.poller.start();
    await waitFor(() => hook.received.length >= 10);
    const restarted = await stack.restart();
    expect(hook.received.length).toBeLessThan(40);
    restarted.poller.start();
    await waitFor(() => hook.received.length >= 40);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = hook.received.map((receipt) => receipt.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await restarted.store.outbox.countByStatus()).toEqual({ queued: 0, sent: 40, failed: 0, expired: 0, folded: 0 });
  }, 30_000);
});

/** A Slack delivery as the router writes it: the rendered message and the change a digest lists. */
const slackDelivery = (index: number, now: number, isSecurity = false): NewDelivery => {
  const change = buildSampleChange({ eventId: `event-${index}`, journalId: index, isSecurity, title: `Event ${index}`, link: `https://health.example.com/events/event-${index}` }, now);
  return { key: `ops:event-${index}:opened`, channel: "ops", kind: "opened", eventId: `event-${index}`, journalId: index, createdAt: now, deadlineAt: now + 60_000, message: { body: renderSlackMessage(change) }, isSecurity, change };
};
const slackText = (receipt: { body: unknown }) => JSON.stringify(receipt.body);

describe("storms", () => {
  it("more than 10 waiting for one Slack channel become one digest listing each with its link; security goes first, alone; single messages resume", async () => {
    const slack = track(await listenSlackReceiver());
    const stack = await startStack([{ id: "ops", type: "slack", url: `${slack.url}/services/T/B/x` }]);
    const now = Date.now();
    await stack.runtime.store.write((tx) => tx.outbox.enqueue([...Array.from({ length: 30 }, (_, index) => slackDelivery(index + 1, now)), slackDelivery(99, now, true)]));
    await dispatch(stack);
    expect(slack.rejected).toEqual([]);
    expect(slack.received).toHaveLength(2);
    const [security, digest] = slack.received.map(slackText);
    expect(security).toContain("Security · New: Event 99");
    expect(digest).toContain("Storm: 30 messages in 5 min");
    for (let index = 1; index <= 30; index += 1) expect(digest).toContain(`<https://health.example.com/events/event-${index}|Event ${index}>`);
    const log = await deliveries(stack);
    const digestRow = log.find((row) => row.kind === "digest");
    expect(digestRow).toMatchObject({ status: "sent", attempts: 1, channel: "ops" });
    expect(log.filter((row) => row.status === "folded").map((row) => row.foldedInto)).toEqual(Array.from({ length: 30 }, () => digestRow?.id));
    expect(log.find((row) => row.isSecurity)).toMatchObject({ status: "sent" });

    await stack.runtime.store.write((tx) => tx.outbox.enqueue([slackDelivery(31, Date.now()), slackDelivery(32, Date.now())]));
    await dispatch(stack);
    expect(slack.received.slice(2).map(slackText).map((text) => /New: Event (\d+)/.exec(text)?.[1])).toEqual(["31", "32"]);
  }, 30_000);

  it("a webhook channel with its own storm setting gets one signed digest; a channel with storm: false gets every message", async () => {
    const hook = track(await listenWebhookReceiver(SECRET));
    const every = track(await listenWebhookReceiver(SECRET));
    const stack = await startStack([
      { id: "hook", type: "webhook", url: hook.url, secret: "${HOOK_SECRET}", storm: { messages: 3, minutes: 1 } },
      { id: "every", type: "webhook", url: every.url, secret: "${HOOK_SECRET}", storm: false },
    ]);
    const now = Date.now();
    const both = (index: number) =>
      ["hook", "every"].map((channel) => ({ ...slackDelivery(index, now), channel, key: `${channel}:event-${index}:opened`, message: { body: { type: "event.opened", data: { index } } } }));
    await stack.runtime.store.write((tx) => tx.outbox.enqueue(Array.from({ length: 5 }, (_, index) => both(index + 1)).flat()));
    await dispatch(stack);
    expect(hook.rejected).toEqual([]);
    expect(hook.received).toHaveLength(1);
    const body = hook.received[0]?.body as { type: string; data: { total: number; items: { eventId: string; link: string }[] } };
    expect(body.type).toBe("digest");
    expect(body.data.total).toBe(5);
    expect(body.data.items.map((item) => item.eventId)).toEqual(["event-1", "event-2", "event-3", "event-4", "event-5"]);
    expect(hook.received[0]?.id).toMatch(/^hook:digest:\d+$/);
    expect(every.received).toHaveLength(5);
  }, 30_000);

  it("a storm queued after a dispatcher looked for one and before it claims is folded, not sent one by one", async () => {
    const hook = track(await listenWebhookReceiver(SECRET));
    const stack = await startStack([{ id: "hook", type: "webhook", url: hook.url, secret: "${HOOK_SECRET}", storm: { messages: 3, minutes: 5 } }]);
    const { store } = stack.runtime;
    const config = stack.runtime.notifications?.config;
    if (!config) throw new Error("notifications are off");
    const now = Date.now();
    const storm = Array.from({ length: 8 }, (_, index) => ({ ...slackDelivery(index + 1, now), channel: "hook", key: `hook:event-${index + 1}:opened`, message: { body: { type: "event.opened", data: { index } } } }));
    // Another replica commits the storm right after this dispatcher counted the channel's queue (nothing yet) and
    // before it claims: the same interleaving three dispatchers on PostgreSQL produce by chance.
    let isQueued = false;
    const interleaved = {
      ...store,
      outbox: {
        ...store.outbox,
        async countFoldable(channel: string, at: number, since: number) {
          const count = await store.outbox.countFoldable(channel, at, since);
          if (!isQueued) {
            isQueued = true;
            await store.write((tx) => tx.outbox.enqueue(storm));
          }
          return count;
        },
      },
    };
    await createDispatcher({ store: interleaved, config, now: Date.now, logger: silentLogger, requestTimeoutMs: 2000 }).run(new AbortController().signal);
    expect(isQueued).toBe(true);
    expect(hook.rejected).toEqual([]);
    expect(hook.received.map((receipt) => (receipt.body as { type: string }).type)).toEqual(["digest"]);
    expect((hook.received[0]?.body as { data: { total: number } }).data.total).toBe(8);
    const log = await deliveries(stack);
    expect(log.filter((row) => row.status === "folded")).toHaveLength(8);
    expect(log.find((row) => row.kind === "digest")).toMatchObject({ status: "sent" });
  }, 30_000);

  it("a storm that begins while a batch is being sent folds the rest of it", async () => {
    const slack = track(await listenSlackReceiver());
    const stack = await startStack([{ id: "ops", type: "slack", url: `${slack.url}/services/T/B/x` }]);
    const now = Date.now();
    await stack.runtime.store.write((tx) => tx.outbox.enqueue(Array.from({ length: 5 }, (_, index) => slackDelivery(index + 1, now))));
    stack.runtime.poller.start();
    await waitFor(() => slack.received.length >= 1);
    await stack.runtime.store.write((tx) => tx.outbox.enqueue(Array.from({ length: 20 }, (_, index) => slackDelivery(index + 100, Date.now()))));
    await waitFor(async () => (await deliveries(stack)).every((row) => row.status !== "queued"), 20_000);
    const texts = slack.received.map(slackText);
    // Slack takes about one a second: the five were not all sent before the storm began.
    expect(texts.length).toBeLessThan(5);
    const digest = texts.find((text) => text.includes("Storm:")) ?? "";
    const listedInDigest = (digest.match(/events\/event-\d+\|/g) ?? []).length;
    const singles = texts.filter((text) => !text.includes("Storm:")).length;
    expect(singles + listedInDigest).toBe(25);
  }, 30_000);
});
