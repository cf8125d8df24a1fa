import { describe, expect, it } from "vitest";
import type { PublicEvent } from "@/lib/shared/public-status-contract";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { countSlackChars, cutText, renderSlackMessage, SLACK_LIMITS, type SlackMessage } from "@/lib/server/outputs/slack/render-slack-message";

function expectWithinLimits(message: SlackMessage) {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(countSlackChars(message)).toBeLessThanOrEqual(SLACK_LIMITS.totalChars);
  for (const block of message.blocks) {
    if (block.type === "section") {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fields);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    }
    if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
  }
  expect(message.text.length).toBeGreaterThan(0);
}

const headerOf = (message: SlackMessage) => (message.blocks[0]?.type === "header" ? message.blocks[0].text.text : "");

describe("the Slack message", () => {
  it("has the header, status, service, region, accounts, times, resources, latest update, a button and a fallback", () => {
    const message = renderSlackMessage(
      buildSampleChange({ kind: "opened", source: "account", accounts: ["123456789012"], resources: { sample: ["i-1", "i-2"], total: 2 }, link: "https://health.example.com/events/x" }),
    );
    expectWithinLimits(message);
    expect(headerOf(message)).toContain("New: TEST MESSAGE");
    const text = JSON.stringify(message.blocks);
    for (const part of ["*Status*\\ndegraded", "*Service*\\nec2", "*Region*\\nus-east-1", "*Accounts*\\n123456789012", "*Started*", "*Ended*\\n—", "• i-1", "*Latest update*"]) expect(text).toContain(part);
    expect(message.blocks.some((block) => block.type === "actions" && block.elements[0]?.url === "https://health.example.com/events/x")).toBe(true);
    expect(message.text).toBe("[Healthdeck] NEW: TEST MESSAGE from Healthdeck: Amazon EC2 (N. Virginia): Increased API Error Rates in us-east-1 (degraded) https://health.example.com/events/x");
  });

  it("labels an update as an update and a resolution as resolved, never as new", () => {
    const updated = renderSlackMessage(buildSampleChange({ kind: "updated" }));
    expect(headerOf(updated)).toContain("Update:");
    expect(updated.text).toContain("UPDATE:");
    expect(JSON.stringify(updated)).not.toMatch(/\bNEW\b|New:/);
    expect(headerOf(renderSlackMessage(buildSampleChange({ kind: "resolved" })))).toContain("Resolved:");
    expect(headerOf(renderSlackMessage(buildSampleChange({ isSecurity: true })))).toContain("Security · New:");
  });

  it("stays within Slack's limits in a huge outage: first resources and a count, long text cut with what was left out", () => {
    const message = renderSlackMessage(
      buildSampleChange({
        kind: "updated",
        title: "T".repeat(400),
        accounts: Array.from({ length: 300 }, (_, index) => String(100000000000 + index)),
        resources: { sample: Array.from({ length: 10 }, (_, index) => `arn:aws:ec2:us-east-1:123456789012:instance/i-${"0".repeat(600)}${index}`), total: 4_800 },
        latestUpdate: "x".repeat(50_000),
        link: "https://health.example.com/events/x",
      }),
    );
    expectWithinLimits(message);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("Affected resources (4800)");
    expect(text).toContain("…and 4795 more");
    expect(text).toMatch(/…and \d+ more characters/);
    expect(text).toContain("…and 295 more");
  });

  it("says when a scheduled change starts in a reminder, and when a public event touches your accounts", () => {
    const reminder = renderSlackMessage(buildSampleChange({ kind: "reminder", reminder: { offset: "1d", startsAt: "2026-12-20T10:00:00.000Z" } }));
    expectWithinLimits(reminder);
    expect(headerOf(reminder)).toContain("Reminder:");
    expect(JSON.stringify(reminder.blocks)).toContain("*Reminder: starts in 1 day (2026-12-20 10:00 UTC)*");
    expect(reminder.text).toMatch(/^\[Healthdeck\] Reminder: starts in 1 day \(2026-12-20 10:00 UTC\): TEST MESSAGE/);
    const sample = buildSampleChange();
    const impact = { id: "a", accountId: "123456789012", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", status: "open", affectedResources: 14 };
    const touched = renderSlackMessage(
      buildSampleChange({ accounts: ["Prod (123456789012)"], event: { ...(sample.event as PublicEvent), accountImpact: { events: [impact, { ...impact, id: "b", affectedResources: 0 }], affectedResources: 14, sampleResources: [] } } }),
    );
    expect(JSON.stringify(touched.blocks)).toContain("*Touches your accounts: 2 events, 14 resources*");
    expect(JSON.stringify(touched.blocks)).toContain("*Accounts*\\nProd (123456789012)");
    expect(JSON.stringify(renderSlackMessage(sample).blocks)).not.toContain("Touches your accounts");
  });

  it("keeps upstream text as text", () => {
    const message = renderSlackMessage(buildSampleChange({ latestUpdate: "<script>alert(1)</script> & <!channel>" }));
    expect(JSON.stringify(message)).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt;");
  });

  it("cuts text to the limit, saying how much", () => {
    expect(cutText("abc", 3)).toBe("abc");
    const cut = cutText("y".repeat(5000), 3000);
    expect(cut.length).toBeLessThanOrEqual(3000);
    expect(cut).toMatch(/…and \d+ more characters$/);
  });
});
