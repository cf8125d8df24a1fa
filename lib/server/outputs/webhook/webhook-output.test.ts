import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { signStandardWebhook } from "@/lib/server/outputs/webhook/sign-standard-webhook";
import { webhookOutput } from "@/lib/server/outputs/webhook/webhook-output";

const NEW = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
const OLD = `whsec_${Buffer.alloc(24, 2).toString("base64")}`;

describe("the Standard Webhooks channel", () => {
  it("renders {type, timestamp, data} with the event as the API returns it", () => {
    const change = buildSampleChange({ kind: "updated" }, Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(webhookOutput.render(change, { publicUrl: null }).body).toEqual({
      type: "event.updated",
      timestamp: "2026-01-02T03:04:05.000Z",
      data: { source: "public", kind: "updated", isSecurity: false, journalId: 0, link: null, event: change.event },
    });
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
