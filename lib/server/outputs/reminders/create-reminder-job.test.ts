import { afterEach, describe, expect, it } from "vitest";
import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { notifyConfigSchema } from "@/lib/server/outputs/config/notify-config-schema";
import { writeChannelSwitch } from "@/lib/server/outputs/admin/channel-switch";
import { createReminderJob } from "@/lib/server/outputs/reminders/create-reminder-job";
import { loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse("2026-12-20T10:00:00Z");
const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;

const scheduled = (overrides: Partial<AccountEventRecord> = {}): AccountEventRecord => ({
  arn: "arn:aws:health:eu-west-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_1",
  accountId: "123456789012",
  service: "EC2",
  eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
  category: "scheduledChange",
  region: "eu-west-1",
  availabilityZone: null,
  status: "upcoming",
  scope: "ACCOUNT_SPECIFIC",
  startTime: START,
  endTime: null,
  lastUpdatedTime: START - 10 * DAY,
  description: "Your instance i-1 will be retired.",
  metadata: null,
  actionability: null,
  personas: null,
  origin: "api",
  ...overrides,
});

let store: HealthdeckStore;
afterEach(async () => {
  await store.close();
});

function setUp(rules: unknown[]) {
  store = openHealthdeckStore(":memory:");
  const config = notifyConfigSchema.parse({
    channels: [
      { id: "ops", type: "slack", url: "https://hooks.slack.com/services/T/B/x" },
      { id: "hook", type: "webhook", url: "https://receiver.example/in", secret: SECRET },
    ],
    rules,
  });
  const clock = { now: START - 10 * DAY };
  const job = () =>
    createReminderJob({ store, config, now: () => clock.now, logger: silentLogger, getCatalog: loadBundledCatalog, publicUrl: "https://health.example.com", accountNames: { "123456789012": "Prod" } });
  const at = async (now: number) => {
    clock.now = now;
    await job().run(new AbortController().signal);
  };
  const keys = async () => (await store.outbox.list({ after: 0, limit: 100, channel: null, status: null })).filter((delivery) => delivery.kind === "reminder").map((delivery) => delivery.key);
  return { at, keys };
}

describe("reminders of scheduled changes", () => {
  it("queue 7d, 1d and 1h before the start, once per channel and offset however often the job runs or restarts", async () => {
    const { at, keys } = setUp([{ channels: ["ops", "hook"] }]);
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(scheduled(), START - 10 * DAY));
    await at(START - 8 * DAY);
    expect(await keys()).toEqual([]);
    await at(START - 7 * DAY + 60_000);
    await at(START - 7 * DAY + 120_000);
    expect(await keys()).toEqual([`ops:${id}:reminder:7d:2026-12-20T10:00:00.000Z`, `hook:${id}:reminder:7d:2026-12-20T10:00:00.000Z`]);
    await at(START - DAY);
    await at(START - HOUR + 60_000);
    await at(START + 60_000);
    expect((await keys()).filter((key) => key.startsWith("hook:"))).toEqual(["7d", "1d", "1h"].map((offset) => `hook:${id}:reminder:${offset}:2026-12-20T10:00:00.000Z`));
  });

  it("skip a channel an admin disabled, and come again for it once enabled", async () => {
    const { at, keys } = setUp([{ channels: ["ops", "hook"] }]);
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(scheduled(), START - 10 * DAY));
    await store.write((tx) => writeChannelSwitch(tx.meta, "hook", { isDisabled: true, by: "alice", at: START - 9 * DAY }));
    await at(START - 7 * DAY + 60_000);
    expect(await keys()).toEqual([`ops:${id}:reminder:7d:2026-12-20T10:00:00.000Z`]);
    await store.write((tx) => writeChannelSwitch(tx.meta, "hook", { isDisabled: false, by: "alice", at: START - 2 * DAY }));
    await at(START - DAY);
    expect((await keys()).filter((key) => key.startsWith("hook:"))).toEqual([`hook:${id}:reminder:1d:2026-12-20T10:00:00.000Z`]);
  });

  it("say what and when in Slack and the webhook, with the account's name, and expire at the start", async () => {
    const { at } = setUp([{ channels: ["ops", "hook"], kinds: ["reminder"], reminders: ["1d"] }]);
    await store.write((tx) => tx.accountEvents.upsertEvent(scheduled(), START - 10 * DAY));
    await at(START - DAY + 60_000);
    const [slack, hook] = await store.outbox.list({ after: 0, limit: 100, channel: null, status: null });
    const slackBody = (slack?.message as { body: { text: string; blocks: unknown[] } }).body;
    expect(slackBody.text).toContain("Reminder: starts in 1 day (2026-12-20 10:00 UTC): AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    expect(JSON.stringify(slackBody.blocks)).toContain("*Reminder: starts in 1 day (2026-12-20 10:00 UTC)*");
    expect(JSON.stringify(slackBody.blocks)).toContain("Prod (123456789012)");
    expect(JSON.stringify(slackBody.blocks)).toContain("Reminder:");
    const hookBody = (hook?.message as { body: { type: string; data: Record<string, unknown> } }).body;
    expect(hookBody.type).toBe("event.reminder");
    expect(hookBody.data.reminder).toEqual({ offset: "1d", startsAt: "2026-12-20T10:00:00.000Z", text: "Reminder: starts in 1 day (2026-12-20 10:00 UTC)" });
    expect(hookBody.data.accounts).toEqual(["Prod (123456789012)"]);
    expect(hook?.deadlineAt).toBe(START);
  });

  it("skip an offset long past when the event is first seen: seen two days before, no 7-day reminder", async () => {
    const { at, keys } = setUp([{ channels: ["hook"] }]);
    await store.write((tx) => tx.accountEvents.upsertEvent(scheduled({ lastUpdatedTime: START - 2 * DAY }), START - 2 * DAY));
    await at(START - 2 * DAY);
    expect(await keys()).toEqual([]);
    await at(START - DAY + 1000);
    expect((await keys()).map((key) => key.split(":")[3])).toEqual(["1d"]);
  });

  it("a moved start gets fresh reminders; a closed event and rules without the reminder kind get none", async () => {
    const { at, keys } = setUp([{ channels: ["hook"], reminders: ["1d"] }, { channels: ["ops"], kinds: ["opened", "updated"] }]);
    await store.write((tx) => tx.accountEvents.upsertEvent(scheduled(), START - 10 * DAY));
    await at(START - DAY + 1000);
    const moved = START + 2 * DAY;
    await store.write((tx) => tx.accountEvents.upsertEvent(scheduled({ startTime: moved, lastUpdatedTime: START - DAY + 2000 }), START - DAY + 2000));
    await at(moved - DAY + 1000);
    expect((await keys()).map((key) => key.replace(/^hook:[^:]+:/, ""))).toEqual(["reminder:1d:2026-12-20T10:00:00.000Z", "reminder:1d:2026-12-22T10:00:00.000Z"]);
    expect((await keys()).some((key) => key.startsWith("ops:"))).toBe(false);
    await store.write((tx) => tx.accountEvents.upsertEvent(scheduled({ startTime: moved + 7 * DAY, status: "closed", lastUpdatedTime: moved }), moved));
    await at(moved + 6 * DAY + 1000);
    expect(await keys()).toHaveLength(2);
  });

  it("follow the rules' filters: a rule for another account or a higher severity sends none", async () => {
    const { at, keys } = setUp([{ channels: ["hook"], accounts: ["210987654321"] }, { channels: ["ops"], minSeverity: "issue" }]);
    await store.write((tx) => tx.accountEvents.upsertEvent(scheduled(), START - 10 * DAY));
    await at(START - DAY + 1000);
    expect(await keys()).toEqual([]);
  });
});
