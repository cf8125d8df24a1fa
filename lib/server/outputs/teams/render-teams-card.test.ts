import { describe, expect, it } from "vitest";
import type { NotificationDigest } from "@/lib/server/outputs/notification-change";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { measureBytes, renderTeamsCard, renderTeamsDigest, TEAMS_LIMITS, type TeamsMessage } from "@/lib/server/outputs/teams/render-teams-card";

const cardOf = (message: TeamsMessage) => message.attachments[0].content;
const textOf = (message: TeamsMessage) => JSON.stringify(cardOf(message).body);
const LINK = "https://health.example.com/events/x";

describe("the Teams card", () => {
  it("is the Workflows envelope around one Adaptive Card 1.5 with the label, title, facts, resources, latest update and a button", () => {
    const message = renderTeamsCard(
      buildSampleChange({ source: "account", accounts: ["123456789012 (prod)"], resources: { sample: ["i-1", "i-2"], total: 7 }, link: LINK }),
    );
    expect(message).toMatchObject({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null }] });
    const card = cardOf(message);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", $schema: "http://adaptivecards.io/schemas/adaptive-card.json" });
    expect(card.body[0]).toMatchObject({ type: "TextBlock", text: "New", color: "Attention" });
    expect(card.body[1]).toMatchObject({ type: "RichTextBlock", inlines: [{ text: expect.stringContaining("TEST MESSAGE") }] });
    const facts = card.body.find((element) => element.type === "FactSet");
    expect(facts?.type === "FactSet" && facts.facts.map((fact) => fact.title)).toEqual(["Status", "Service", "Region", "Accounts", "Started", "Ended"]);
    expect(JSON.stringify(facts)).toContain('"value":"123456789012 (prod)"');
    const text = textOf(message);
    for (const part of ["Affected resources (7)", "• i-1", "• i-2", "…and 5 more", "Latest update", "Nothing is wrong with AWS"]) expect(text).toContain(part);
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Open in Healthdeck", url: LINK }]);
    expect(JSON.stringify(message)).not.toContain("MessageCard");
  });

  it("labels every kind, a reminder with its start, and leaves the button out without a link", () => {
    const label = (message: TeamsMessage) => (cardOf(message).body[0] as { text: string }).text;
    expect(label(renderTeamsCard(buildSampleChange({ kind: "updated" })))).toBe("Update");
    expect(label(renderTeamsCard(buildSampleChange({ kind: "resolved" })))).toBe("Resolved");
    expect(label(renderTeamsCard(buildSampleChange({ isSecurity: true })))).toBe("Security · New");
    const reminder = renderTeamsCard(buildSampleChange({ kind: "reminder", reminder: { offset: "1d", startsAt: "2026-03-02T10:00:00.000Z" } }));
    expect(label(reminder)).toBe("Reminder");
    expect(textOf(reminder)).toContain('"title":"Starts","value":"Reminder: starts in 1 day (2026-03-02 10:00 UTC)"');
    expect(cardOf(reminder).actions).toBeUndefined();
  });

  it("stays under 28 KB of UTF-8 in a huge outage with multi-byte text, cutting with what was left out", () => {
    const message = renderTeamsCard(
      buildSampleChange({
        title: "é".repeat(3000),
        accounts: Array.from({ length: 300 }, (_, index) => `${100000000000 + index} ünïcödé`),
        resources: { sample: Array.from({ length: 10 }, (_, index) => `arn:aws:ec2:us-east-1:1:instance/${"i".repeat(900)}${index}`), total: 4_800 },
        latestUpdate: "日本語の更新".repeat(20_000),
        link: LINK,
      }),
    );
    const bytes = Buffer.byteLength(JSON.stringify(message), "utf8");
    expect(bytes).toBeLessThan(28 * 1024);
    expect(bytes).toBeGreaterThan(TEAMS_LIMITS.budgetBytes - 200);
    const text = textOf(message);
    expect(text).toContain("…and 4795 more");
    expect(text).toContain("…and 295 more");
    expect(text).toMatch(/…and \d+ more characters/);
    expect(cardOf(message).actions).toHaveLength(1);
  });

  it("keeps upstream text as text: markdown escaped in facts, TextRuns (never markdown) for titles and updates", () => {
    const message = renderTeamsCard(buildSampleChange({ status: "**bold** [x](javascript:alert(1))", latestUpdate: "[click](http://evil)" }));
    expect(textOf(message)).toContain("\\\\*\\\\*bold\\\\*\\\\* \\\\[x\\\\](javascript:alert(1))");
    // Codes keep their underscores unescaped: inside a word they never emphasise.
    expect(textOf(message)).toContain("· AWS_EC2_OPERATIONAL_ISSUE");
    const latest = cardOf(message).body.at(-2);
    expect(latest).toEqual({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: "[click](http://evil)" }] });
  });
});

describe("the Teams digest", () => {
  const digest = (count: number): NotificationDigest => ({
    kind: "digest",
    at: "2026-03-01T10:00:00.000Z",
    items: Array.from({ length: count }, (_, index) =>
      buildSampleChange({ kind: index % 2 ? "updated" : "opened", eventId: `e-${index}`, title: `Event ${index} ${"t".repeat(150)}`, region: index % 3 ? "eu-west-1" : null, link: `${LINK}${index}` }),
    ),
    total: count,
    windowMinutes: 5,
    link: "https://health.example.com/notifications",
  });

  it("lists each change with its kind, title, region and link", () => {
    const message = renderTeamsDigest(digest(3));
    const body = cardOf(message).body;
    expect(body[0]).toMatchObject({ type: "TextBlock", text: "Digest: 3 changes in 5 minutes" });
    expect(body[2]).toEqual({
      type: "RichTextBlock",
      inlines: [
        { type: "TextRun", text: "New: ", weight: "Bolder" },
        { type: "TextRun", text: `Event 0 ${"t".repeat(150)} — global`, selectAction: { type: "Action.OpenUrl", url: `${LINK}0` } },
      ],
    });
    expect(JSON.stringify(body[3])).toContain("Update: ");
    expect(JSON.stringify(body[3])).toContain("— eu-west-1");
    expect(textOf(message)).not.toContain("more");
    expect(cardOf(message).actions).toEqual([{ type: "Action.OpenUrl", title: "Open the notifications page", url: "https://health.example.com/notifications" }]);
  });

  it("cuts a storm of 500 to what fits under 28 KB and says how many more", () => {
    const message = renderTeamsDigest(digest(500));
    expect(measureBytes(message)).toBeLessThan(28 * 1024);
    const shown = cardOf(message).body.filter((element) => element.type === "RichTextBlock").length;
    expect(shown).toBeGreaterThan(20);
    expect(textOf(message)).toContain(`…and ${500 - shown} more`);
  });
});
