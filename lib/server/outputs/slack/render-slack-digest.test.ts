import { describe, expect, it } from "vitest";
import type { NotificationDigest } from "@/lib/server/outputs/notification-change";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { renderSlackDigest } from "@/lib/server/outputs/slack/render-slack-digest";
import { countSlackChars, SLACK_LIMITS } from "@/lib/server/outputs/slack/render-slack-message";

const digestOf = (count: number, overrides: Partial<NotificationDigest> = {}): NotificationDigest => {
  const items = Array.from({ length: count }, (_, index) =>
    buildSampleChange({ eventId: `event-${index}`, title: `Amazon EC2 (Region ${index}): Increased API Error Rates <b>|x`, link: `https://health.example.com/events/event-${index}` }),
  );
  return { kind: "digest", at: "2026-01-01T10:00:00.000Z", items, total: count, windowMinutes: 5, link: "https://health.example.com/notifications?channel=ops&kind=digest", ...overrides };
};

describe("the Slack digest", () => {
  it("lists a small storm in full, each change linked to its page", () => {
    const message = renderSlackDigest(digestOf(12));
    const text = JSON.stringify(message.blocks);
    for (let index = 0; index < 12; index += 1) expect(text).toContain(`<https://health.example.com/events/event-${index}|Amazon EC2 (Region ${index}): Increased API Error Rates &lt;b&gt;¦x>`);
    expect(text).not.toContain("more");
    expect(message.text).toBe("[Healthdeck] STORM: 12 messages in 5 minutes, folded into this one https://health.example.com/notifications?channel=ops&kind=digest");
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: ":rotating_light: Storm: 12 messages in 5 min, in one post" } });
  });

  it("stays within Slack's limits for 500 changes, ending with …and N more and a link to all of them", () => {
    const message = renderSlackDigest(digestOf(500));
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(countSlackChars(message)).toBeLessThanOrEqual(SLACK_LIMITS.totalChars);
    for (const block of message.blocks) if (block.type === "section") expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const listed = (JSON.stringify(message.blocks).match(/<https:\/\/health\.example\.com\/events\//g) ?? []).length;
    expect(listed).toBeGreaterThan(20);
    const closing = JSON.stringify(message.blocks);
    expect(closing).toContain(`…and ${500 - listed} more — <https://health.example.com/notifications?channel=ops&kind=digest|all of them in Healthdeck>`);
    expect(message.blocks.some((block) => block.type === "actions")).toBe(true);
  });

  it("counts changes it could not list (total above the items) and works without a public URL", () => {
    const message = renderSlackDigest(digestOf(3, { total: 7, link: null }));
    expect(JSON.stringify(message.blocks)).toContain("…and 4 more");
    expect(message.blocks.some((block) => block.type === "actions")).toBe(false);
  });
});
