import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { PublicEvent } from "@/lib/shared/public-status-contract";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { signStandardWebhook } from "@/lib/server/outputs/webhook/sign-standard-webhook";
import { webhookOutput } from "@/lib/server/outputs/webhook/webhook-output";

const impact = (id: string) => ({ id, accountId: "123456789012", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", status: "open", affectedResources: 7 });
const NEW = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
const OLD = `whsec_${Buffer.alloc(24, 2).toString("base64")}`;

describe("the Standard Webhooks channel", () => {
  it("renders {type, timestamp, data} with the event as the API returns it", () => {
    const change = buildSampleChange({ kind: "updated" }, Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(webhookOutput.render(change, { publicUrl: null }).body).toEqual({
      type: "event.updated",
      timestamp: "2026-01-02T03:04:05.000Z",
      data: { source: "public", kind: "updated", isSecurity: false, journalId: 0, link: null, accounts: [], accountImpactText: null, event: change.event },
    });
  });

  it("says when a scheduled change starts in a reminder, and when a public event touches your accounts", () => {
    const reminder = buildSampleChange({ kind: "reminder", reminder: { offset: "1d", startsAt: "2026-12-20T10:00:00.000Z" } });
    const body = webhookOutput.render(reminder, { publicUrl: null }).body as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe("event.reminder");
    expect(body.data.reminder).toEqual({ offset: "1d", startsAt: "2026-12-20T10:00:00.000Z", text: "Reminder: starts in 1 day (2026-12-20 10:00 UTC)" });
    const sample = buildSampleChange();
    const touched = buildSampleChange({
      accounts: ["Prod (123456789012)"],
      event: { ...(sample.event as PublicEvent), accountImpact: { events: [impact("a"), impact("b")], affectedResources: 14, sampleResources: ["i-1"] } },
    });
    const data = (webhookOutput.render(touched, { publicUrl: null }).body as { data: Record<string, unknown> }).data;
    expect(data.accountImpactText).toBe("Touches your accounts: 2 events, 14 resources");
    expect(data.accounts).toEqual(["Prod (123456789012)"]);
    expect(data.reminder).toBeUndefined();
  });

  it("signs with every secret, so receivers with the old or the new secret verify during a rotation", () => {
    const body = JSON.stringify({ type: "event.opened", timestamp: "t", data: {} });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signStandardWebhook([NEW, OLD], "ops:e:opened:1", timestamp, body);
    expect(signature.split(" ")).toHaveLength(2);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
    const headers = { "webhook-id": "ops:e:opened:1", "webhook-timestamp": String(timestamp), "webhook-signature": signature };
    for (const secret of [NEW, OLD]) expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 3).toString("base64")}`).verify(body, headers)).toThrow();
    expect(() => new Webhook(NEW).verify(`${body} `, headers)).toThrow();
  });
});

describe("the webhook digest", () => {
  it("is type digest, lists every folded change with its link and counts them", () => {
    const items = [0, 1].map((index) => buildSampleChange({ eventId: `event-${index}`, journalId: index, link: `https://health.example.com/events/event-${index}` }));
    const message = webhookOutput.renderDigest({ kind: "digest", at: "2026-01-01T10:00:00.000Z", items, total: 2, windowMinutes: 5, link: "https://health.example.com/notifications" }, { publicUrl: null });
    expect(message.body).toMatchObject({
      type: "digest",
      timestamp: "2026-01-01T10:00:00.000Z",
      data: { total: 2, windowMinutes: 5, link: "https://health.example.com/notifications", items: [{ eventId: "event-0", kind: "opened", link: "https://health.example.com/events/event-0" }, { eventId: "event-1", journalId: 1 }] },
    });
  });
});
