import { parseScenario } from "@/lib/simulator/load-scenario";
import type { Scenario } from "@/lib/simulator/scenario-schema";

/** Accounts and events used by the Health API tests: every scope, category, status and org rule at least once. */
export const MANAGEMENT = "111111111111";
export const MEMBER = "222222222222";
export const NO_PLAN = "333333333333";

export function buildHealthFixtureScenario(): Scenario {
  return parseScenario(
    {
      name: "health-fixture",
      accounts: [
        { id: MANAGEMENT, name: "management", management: true },
        { id: MEMBER, name: "member" },
        { id: NO_PLAN, name: "no-plan", supportPlan: false },
      ],
      steps: [
        {
          label: "history and scheduled changes",
          at: -3_600,
          actions: [
            {
              type: "open-account-event",
              id: "retirement",
              service: "EC2",
              eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
              category: "scheduledChange",
              region: "us-east-1",
              availabilityZone: "us-east-1a",
              status: "upcoming",
              startOffset: 14 * 86_400,
              description: "Your instance will be retired.\n\nPlease stop and start it before then.",
              metadata: { deadline: "in two weeks", truncated: "true" },
              actionability: "ACTION_REQUIRED",
              personas: ["OPERATIONS"],
              entities: [
                {
                  value: "i-0abc1234567890def",
                  status: "PENDING",
                  url: "https://console.aws.amazon.com/ec2/home?region=us-east-1#Instances:instanceId=i-0abc1234567890def",
                  metadata: { instanceType: "m5.large" },
                },
              ],
            },
            {
              type: "open-account-event",
              id: "billing",
              service: "BILLING",
              eventTypeCode: "AWS_BILLING_NOTIFICATION",
              category: "accountNotification",
              region: "global",
              startOffset: -86_400,
              description: "Your invoice is available.",
              personas: ["BILLING"],
              entities: [{ value: "AWS_ACCOUNT" }],
            },
            {
              type: "open-account-event",
              id: "lifecycle",
              accounts: [MANAGEMENT, MEMBER],
              service: "LAMBDA",
              eventTypeCode: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT",
              category: "scheduledChange",
              region: "us-west-2",
              startOffset: 60 * 86_400,
              description: "Runtime nodejs18.x is deprecated.",
              actionability: "ACTION_REQUIRED",
              generate: { count: 250, statuses: { PENDING: 200 }, status: "RESOLVED", valuePrefix: "arn:aws:lambda:us-west-2:function:fn-" },
            },
            {
              type: "open-account-event",
              id: "old-issue",
              service: "EBS",
              eventTypeCode: "AWS_EBS_VOLUME_ATTACHMENT_ISSUE",
              category: "issue",
              region: "eu-west-1",
              startOffset: -7_200,
              description: "Volume attachment delays.",
              entities: [{ value: "vol-0123456789abcdef0", status: "IMPAIRED" }],
            },
            { type: "close-account-event", id: "old-issue", endOffset: -3_600, description: "Resolved." },
            {
              type: "open-account-event",
              id: "member-only",
              accounts: [MEMBER],
              service: "RDS",
              eventTypeCode: "AWS_RDS_MAINTENANCE_SCHEDULED",
              category: "scheduledChange",
              region: "us-east-2",
              status: "upcoming",
              startOffset: 3 * 86_400,
              description: "Maintenance of your database.",
              entities: [{ value: "db-prod-1", status: "PENDING" }],
            },
            {
              type: "open-account-event",
              id: "no-plan-event",
              accounts: [NO_PLAN],
              service: "EC2",
              eventTypeCode: "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED",
              category: "scheduledChange",
              region: "us-east-1",
              status: "upcoming",
              startOffset: 5 * 86_400,
              description: "Reboot scheduled.",
              entities: [{ value: "i-0sandbox", status: "PENDING" }],
            },
            {
              type: "open-account-event",
              id: "public-notice",
              scope: "PUBLIC",
              service: "SECURITY",
              eventTypeCode: "AWS_SECURITY_NOTIFICATION",
              category: "accountNotification",
              region: "global",
              description: "A security bulletin.",
            },
          ],
        },
        {
          label: "public incident with account impact",
          actions: [
            {
              type: "open-event",
              id: "ec2-incident",
              key: "ec2-us-east-1",
              region: "us-east-1",
              typeCode: "AWS_EC2_OPERATIONAL_ISSUE",
              summary: "Increased API Error Rates",
              level: 2,
              message: "We are investigating increased API error rates.",
              accountImpact: {
                entities: [
                  { value: "i-0prod00000000001", status: "IMPAIRED" },
                  { value: "i-0member000000001", status: "IMPAIRED", account: MEMBER },
                ],
              },
            },
          ],
        },
        {
          label: "incident resolves, lifecycle progresses",
          actions: [
            { type: "resolve-event", id: "ec2-incident", message: "The issue has been resolved." },
            { type: "update-entities", id: "ec2-incident", changes: [{ from: "IMPAIRED", to: "UNIMPAIRED" }] },
            { type: "update-entities", id: "lifecycle", changes: [{ from: "PENDING", to: "RESOLVED", count: 100 }] },
          ],
        },
      ],
    },
    "health-fixture",
  );
}
