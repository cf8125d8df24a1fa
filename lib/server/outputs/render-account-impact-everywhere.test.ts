import { describe, expect, it } from "vitest";
import { renderEmailMessage } from "@/lib/server/outputs/email/render-email-message";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { renderSnsMessage } from "@/lib/server/outputs/sns/render-sns-message";
import { renderTeamsCard } from "@/lib/server/outputs/teams/render-teams-card";
import type { PublicEvent } from "@/lib/shared/public-status-contract";

const sample = buildSampleChange();
const impact = { id: "a", accountId: "123456789012", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", status: "open", affectedResources: 14 };
const touching = buildSampleChange({
  accounts: ["Prod (123456789012)"],
  event: { ...(sample.event as PublicEvent), accountImpact: { events: [impact, { ...impact, id: "b", affectedResources: 0 }], affectedResources: 14, sampleResources: [] } },
});
const reminder = buildSampleChange({ kind: "reminder", reminder: { offset: "1d", startsAt: "2026-12-20T10:00:00.000Z" } });

/** Teams, e-mail and SNS say what Slack and the webhook say: a public event that touches your accounts, a reminder's start. */
describe("every text channel", () => {
  const renderings = {
    teams: (change = sample) => JSON.stringify(renderTeamsCard(change)),
    email: (change = sample) => JSON.stringify(renderEmailMessage(change)),
    sns: (change = sample) => JSON.stringify(renderSnsMessage(change)),
  };
  for (const [name, render] of Object.entries(renderings)) {
    it(`${name}: says when a public event touches your accounts, and only then`, () => {
      expect(render(touching)).toContain("Touches your accounts: 2 events, 14 resources");
      expect(render(sample)).not.toContain("Touches your accounts");
    });
    it(`${name}: says when a scheduled change starts`, () => {
      expect(render(reminder)).toContain("Reminder: starts in 1 day (2026-12-20 10:00 UTC)");
    });
  }
});
