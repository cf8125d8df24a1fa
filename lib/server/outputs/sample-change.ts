import type { NotificationChange } from "@/lib/server/outputs/notification-change";

/** A clearly labelled sample for `npm run notify:test` and the renderers' tests. */
export function buildSampleChange(overrides: Partial<NotificationChange> = {}, now = Date.now()): NotificationChange {
  const at = new Date(now).toISOString();
  return {
    kind: "opened",
    source: "public",
    journalId: 0,
    at,
    eventId: "healthdeck-test-message",
    isSecurity: false,
    title: "TEST MESSAGE from Healthdeck: Amazon EC2 (N. Virginia): Increased API Error Rates",
    service: "ec2",
    region: "us-east-1",
    status: "degraded",
    eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
    accounts: [],
    resources: { sample: [], total: 0 },
    startedAt: at,
    endedAt: null,
    latestUpdate: "This is a test of the notification channel, sent by `npm run notify:test`. Nothing is wrong with AWS.",
    link: null,
    event: {
      id: "healthdeck-test-message",
      arn: null,
      key: "ec2-us-east-1",
      service: "ec2",
      region: "us-east-1",
      name: "Amazon EC2 (N. Virginia)",
      status: "degraded",
      summary: "TEST MESSAGE: Increased API Error Rates",
      resolved: false,
      startedAt: at,
      endedAt: null,
      updates: [],
      impactedServices: [],
      accountImpact: null,
    },
    ...overrides,
  };
}
