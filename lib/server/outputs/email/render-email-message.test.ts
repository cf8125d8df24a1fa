import { describe, expect, it } from "vitest";
import { messageIdFor, renderEmailDigest, renderEmailMessage, threadRootId } from "@/lib/server/outputs/email/render-email-message";
import type { NotificationChange } from "@/lib/server/outputs/notification-change";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { renderSubjectLine } from "@/lib/server/outputs/render-subject-line";

const accountChange = (overrides: Partial<NotificationChange> = {}) => {
  const base = buildSampleChange({ source: "account", service: "EC2", region: "eu-west-1", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", ...overrides });
  return { ...base, event: { ...base.event, category: "issue" } } as NotificationChange;
};

describe("the e-mail subject", () => {
  it("says what and where: kind word, service, category words, region or global", () => {
    expect(renderSubjectLine(accountChange({ kind: "resolved" }))).toBe("[Healthdeck] RESOLVED: EC2 operational issue in eu-west-1");
    expect(renderSubjectLine(accountChange({ kind: "opened" }))).toBe("[Healthdeck] NEW: EC2 operational issue in eu-west-1");
    expect(renderSubjectLine(accountChange({ kind: "updated", region: null }))).toBe("[Healthdeck] UPDATE: EC2 operational issue in global");
    expect(renderSubjectLine(accountChange({ kind: "reminder", eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED" }))).toBe("[Healthdeck] REMINDER: EC2 instance retirement scheduled in eu-west-1");
    expect(renderSubjectLine(buildSampleChange({ service: "lambda", eventTypeCode: null }))).toBe("[Healthdeck] NEW: LAMBDA operational issue in us-east-1");
    expect(renderSubjectLine(accountChange({ isSecurity: true, service: "RISK", eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED", region: "global" }))).toBe("[Healthdeck] SECURITY NEW: RISK credentials exposed in global");
    expect(renderSubjectLine(accountChange({ region: "eu-west-1\r\nBcc: x@example.com" }))).not.toMatch(/[\r\n]/);
  });
});

describe("the e-mail message", () => {
  it("has an HTML and a plain-text part with the same facts, upstream text escaped, and threading headers to the event's root", () => {
    const message = renderEmailMessage(
      accountChange({ title: "<b>Bold</b> & co", latestUpdate: `<script>alert("x")</script>`, resources: { sample: ["i-1", "<i-2>"], total: 12 }, accounts: ["111111111111 (prod)"], link: "https://health.example.com/e?a=1&b=2" }),
    );
    expect(message.html).toContain("&lt;b&gt;Bold&lt;/b&gt; &amp; co");
    expect(message.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message.html).not.toMatch(/<script|<b>/);
    expect(message.html).toContain('<a href="https://health.example.com/e?a=1&amp;b=2">Open in Healthdeck</a>');
    expect(message.html).toContain("Affected resources (12)");
    expect(message.html).toContain("…and 10 more");
    expect(message.text).toContain("New: <b>Bold</b> & co");
    expect(message.text).toContain("Accounts: 111111111111 (prod)");
    expect(message.text).toContain("- <i-2>");
    expect(message.text).toContain("Open in Healthdeck: https://health.example.com/e?a=1&b=2");
    const root = threadRootId("healthdeck-test-message");
    expect(root).toMatch(/^<[0-9a-f]{64}@healthdeck>$/);
    expect(message.headers).toEqual({ "In-Reply-To": root, References: root, "Auto-Submitted": "auto-generated", "X-Healthdeck-Kind": "opened" });
    expect(messageIdFor("mail:e:opened")).not.toBe(messageIdFor("mail:e:updated:7"));
    expect(messageIdFor("mail:e:opened")).toBe(messageIdFor("mail:e:opened"));
  });

  it("lists a digest's changes with kind, title, region and link, cut with …and N more", () => {
    const items = Array.from({ length: 250 }, (_, index) => buildSampleChange({ kind: index ? "updated" : "opened", title: `Event ${index}`, region: "eu-west-1", link: `https://h.example.com/e/${index}` }));
    const digest = renderEmailDigest({ kind: "digest", at: "2026-01-01T00:00:00.000Z", items, total: 260, windowMinutes: 10, link: "https://h.example.com/notifications" });
    expect(digest.subject).toBe("[Healthdeck] DIGEST: 260 changes in 10 minutes");
    expect(digest.html).toContain('<li><strong>New</strong>: <a href="https://h.example.com/e/0">Event 0 — eu-west-1</a></li>');
    expect(digest.text).toContain("- Update: Event 1 — eu-west-1 https://h.example.com/e/1");
    expect(digest.text).toContain("…and 60 more");
    expect(digest.html).toContain("…and 60 more");
  });
});
