import { describe, expect, it } from "vitest";
import type { AssembledEvent } from "@/lib/server/domain/public-status-records";
import { notifyConfigSchema } from "@/lib/server/outputs/config/notify-config-schema";
import { createOutboxRouter } from "@/lib/server/outputs/delivery/create-outbox-router";
import { loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const SPLIT = { service: "ec2", region: "us-east-1" };
const now = Date.now();
const event = (overrides: Partial<AssembledEvent> = {}): AssembledEvent => ({
  id: "ec2-us-east-1_1765000000",
  arn: null,
  key: "ec2-us-east-1",
  status: "degraded",
  summary: "Increased API error rates",
  resolved: false,
  startedAt: Math.floor(now / 1000) - 60,
  endedAt: null,
  updates: [{ key: "ec2-us-east-1", at: Math.floor(now / 1000) - 60, status: "degraded", resolved: false, summary: "Increased API error rates", message: "Investigating.", origin: "rss" }],
  impacted: [],
  ...overrides,
});

describe("the outbox router", () => {
  it("announces an event as new once per channel, even when the journal says opened twice", async () => {
    const store = openHealthdeckStore(":memory:");
    const catalog = loadBundledCatalog();
    const config = notifyConfigSchema.parse({ channels: [{ id: "ops", type: "slack", url: "https://hooks.slack.com/services/T/B/x" }], rules: [{ channels: ["ops"] }] });
    store.setOutboxRouter(createOutboxRouter({ config, now: () => now, freshMs: 3_600_000, deadlineMs: 3_600_000, getCatalog: () => catalog, publicUrl: null }));
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [event()]));
    // A poll that reshapes the key's events drops it, the next brings it back: the journal says "opened" again.
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, []));
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [event({ status: "disrupted" })]));
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [event({ status: "operational", resolved: true, endedAt: Math.floor(now / 1000) })]));
    const kinds = (await store.outbox.list({ after: 0, limit: 10, channel: null, status: null })).map((delivery) => delivery.kind);
    expect(kinds).toEqual(["opened", "resolved"]);
    await store.close();
  });

  it("says that a public event touches your accounts, naming them, and sends no update for a bare end time", async () => {
    const store = openHealthdeckStore(":memory:");
    const catalog = loadBundledCatalog();
    const config = notifyConfigSchema.parse({ channels: [{ id: "ops", type: "slack", url: "https://hooks.slack.com/services/T/B/x" }], rules: [{ channels: ["ops"] }] });
    store.setOutboxRouter(
      createOutboxRouter({ config, now: () => now, freshMs: 3_600_000, deadlineMs: 3_600_000, getCatalog: () => catalog, publicUrl: null, accountNames: { "123456789012": "Prod" } }),
    );
    const mine = {
      arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_MINE",
      accountId: "123456789012",
      service: "EC2",
      eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
      category: "issue",
      region: "us-east-1",
      availabilityZone: null,
      status: "open",
      scope: "ACCOUNT_SPECIFIC",
      startTime: now - 30_000,
      endTime: null,
      lastUpdatedTime: now - 30_000,
      description: "Your instances are impaired.",
      metadata: null,
      actionability: null,
      personas: null,
      origin: "api" as const,
    };
    const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(mine, now));
    const entity = (value: string) => ({ eventArn: mine.arn, accountId: "123456789012", entityArn: null, entityValue: value, entityUrl: null, status: "IMPAIRED", lastUpdatedTime: now, metadata: {} });
    await store.write((tx) => tx.accountEvents.upsertEntities(id, [entity("i-1"), entity("i-2")]));
    const before = (await store.outbox.list({ after: 0, limit: 10, channel: null, status: null })).length;
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [event()]));
    await store.write((tx) => tx.events.replaceForKey("ec2-us-east-1", SPLIT, [event({ endedAt: Math.floor(now / 1000) + 3600 })]));
    const publicDeliveries = (await store.outbox.list({ after: 0, limit: 10, channel: null, status: null })).slice(before);
    expect(publicDeliveries.map((delivery) => delivery.kind)).toEqual(["opened"]);
    const blocks = JSON.stringify((publicDeliveries[0]?.message as { body: { blocks: unknown[] } }).body.blocks);
    expect(blocks).toContain("*Touches your accounts: 1 event, 2 resources*");
    expect(blocks).toContain("Prod (123456789012)");
    await store.close();
  });
});
