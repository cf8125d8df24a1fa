import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { AssembledEvent, CurrentEventRecord, PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import type { NewJournalEntry } from "@/lib/server/store/contract/journal-contract";
import type { EntityQuery } from "@/lib/server/store/contract/store-records";

/** Realistic records for store-contract.test.ts (both engines). Public times in epoch seconds, account times in ms. */
export const EVENT_ARN = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_123";
export const ACCOUNT = "123456789012";
export const T0 = Date.parse("2026-11-20T00:00:00Z");

export function accountEvent(overrides: Partial<AccountEventRecord> = {}): AccountEventRecord {
  return {
    arn: EVENT_ARN,
    accountId: ACCOUNT,
    service: "EC2",
    eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
    category: "scheduledChange",
    region: "us-east-1",
    availabilityZone: null,
    status: "upcoming",
    scope: "ACCOUNT_SPECIFIC",
    startTime: Date.parse("2026-12-01T00:00:00Z"),
    endTime: null,
    lastUpdatedTime: T0,
    description: "Your instance will be retired.",
    metadata: { deprecated_versions: "none" },
    actionability: "ACTION_REQUIRED",
    personas: ["OPERATIONS"],
    origin: "api",
    ...overrides,
  };
}

export function entity(index: number, overrides: Partial<AffectedEntityRecord> = {}): AffectedEntityRecord {
  return {
    eventArn: EVENT_ARN,
    accountId: ACCOUNT,
    entityArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-${String(index).padStart(5, "0")}`,
    entityValue: `i-${String(index).padStart(5, "0")}`,
    entityUrl: null,
    status: "IMPAIRED",
    lastUpdatedTime: T0 + index * 1000,
    metadata: {},
    ...overrides,
  };
}

export const entityQuery = (overrides: Partial<EntityQuery> = {}): EntityQuery => ({
  offset: 0,
  limit: 100,
  search: null,
  statuses: [],
  sort: "entity",
  descending: false,
  ...overrides,
});

export function publicUpdate(overrides: Partial<PublicUpdateRecord> = {}): PublicUpdateRecord {
  return {
    key: "ec2-us-east-1",
    at: 1_764_000_000,
    status: "degraded",
    resolved: false,
    summary: "Increased API Error Rates",
    message: "We are investigating increased API error rates in the US-EAST-1 Region.",
    origin: "currentevents",
    ...overrides,
  };
}

export function currentEvent(overrides: Partial<CurrentEventRecord> = {}): CurrentEventRecord {
  return {
    arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_ABC",
    key: "ec2-us-east-1",
    region: "us-east-1",
    serviceName: "Amazon Elastic Compute Cloud",
    status: "degraded",
    resolved: false,
    summary: "Increased API Error Rates",
    startedAt: 1_764_000_000,
    endedAt: null,
    updates: [publicUpdate()],
    impacted: [{ key: "ec2-us-east-1", name: "Amazon Elastic Compute Cloud (N. Virginia)", status: "degraded", maxStatus: "degraded", changedAt: 1_764_000_000 }],
    ...overrides,
  };
}

export function assembledEvent(overrides: Partial<AssembledEvent> = {}): AssembledEvent {
  return {
    id: "ec2-us-east-1_1764000000",
    arn: null,
    key: "ec2-us-east-1",
    status: "degraded",
    summary: "Increased API Error Rates",
    resolved: false,
    startedAt: 1_764_000_000,
    endedAt: null,
    updates: [publicUpdate(), publicUpdate({ at: 1_764_000_600, message: "We have identified the cause." })],
    impacted: [],
    ...overrides,
  };
}

export function journalEntry(overrides: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return {
    at: T0,
    kind: "public.event.opened",
    subject: { eventId: "ec2-us-east-1_1764000000", key: "ec2-us-east-1" },
    summary: { status: "degraded", resolved: false },
    scope: { region: "us-east-1", service: "ec2", accountId: null, category: null },
    ...overrides,
  };
}
