import { describe, expect, it } from "vitest";
import { parseEventBridgePayload, type PayloadResult } from "@/lib/server/sources/eventbridge/parse-eventbridge-payload";
import { makeBackupCopy, makeLambdaPage, readSample } from "@/tests/fixtures/account-health/eventbridge-samples";

const NOW = Date.parse("2026-03-01T00:00:00Z");

function expectEvents(result: PayloadResult) {
  if (!result.ok) throw new Error(`expected events, got: ${result.error}`);
  return result.events;
}

function expectError(result: PayloadResult): string {
  if (result.ok) throw new Error("expected a validation error");
  return result.error;
}

describe("parseEventBridgePayload on AWS's samples", () => {
  it("reads the public EC2 operational issue: impacted region from detail, description array, resolved text while open", () => {
    const [event] = expectEvents(parseEventBridgePayload(readSample("publicIssue"), NOW));
    expect(event?.record).toMatchObject({
      arn: "arn:aws:health:af-south-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae-af1f-54e6-a526-d0179ed6d68f",
      accountId: "123456789012",
      service: "EC2",
      eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
      category: "issue",
      scope: "PUBLIC",
      status: "open",
      region: "af-south-1",
      startTime: Date.parse("2023-01-27T06:02:51Z"),
      endTime: Date.parse("2023-01-27T09:01:22Z"),
      lastUpdatedTime: Date.parse("2023-01-27T09:01:22Z"),
      personas: ["OPERATIONS"],
      metadata: null,
      origin: "eventbridge",
    });
    expect(event?.record.description).toMatch(/^Current severity level: Operating normally\n\n\[RESOLVED\]/);
    expect(event).toMatchObject({ communicationId: "01b0993207d81a09dcd552ebd1e633e36cf1f09a-1", communicationBase: "01b0993207d81a09dcd552ebd1e633e36cf1f09a", page: 1, totalPages: 1, isBackup: false, deliveryRegion: "af-south-1" });
    expect(event?.entities).toEqual([]);
  });

  it("reads the EC2 retirement without a resources key, with metadata, actionability and a wrong weekday", () => {
    const [event] = expectEvents(parseEventBridgePayload(readSample("instanceRetirement"), NOW));
    expect(event?.record).toMatchObject({
      category: "scheduledChange",
      scope: "ACCOUNT_SPECIFIC",
      actionability: "ACTION_REQUIRED",
      lastUpdatedTime: Date.parse("2026-01-27T13:44:13Z"),
      startTime: Date.parse("2026-08-27T13:19:03Z"),
      endTime: null,
      metadata: { keystring1: "valuestring1", keystring2: "valuestring2", keystring3: "valuestring3", keystring4: "valuestring4", truncated: "true" },
    });
    expect(event?.entities).toEqual([
      {
        eventArn: "arn:aws:health:us-east-1::event/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_90353408594353983",
        accountId: "123456789012",
        entityArn: null,
        entityValue: "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0",
        entityUrl: null,
        status: "PENDING",
        lastUpdatedTime: Date.parse("2026-01-26T19:01:55Z"),
        metadata: {},
      },
    ]);
  });

  it("reads page 1 of 10 of the Lambda planned lifecycle event with entity statuses", () => {
    const [event] = expectEvents(parseEventBridgePayload(readSample("lambdaPage1of10"), NOW));
    expect(event).toMatchObject({ page: 1, totalPages: 10, communicationBase: "1234abc01232a4012345678", deliveryRegion: "us-west-2" });
    expect(event?.record.region).toBe("us-west-2");
    expect(event?.entities.map((entity) => [entity.entityValue, entity.status])).toEqual([
      ["arn:lambda-1-101002929", "PENDING"],
      ["arn:lambda-1-101002930", "PENDING"],
      ["arn:lambda-1-101002931", "PENDING"],
      ["arn:lambda-1-101002932", "RESOLVED"],
    ]);
  });

  it("accepts the 2016 credentials-exposed event despite its missing 'required' fields", () => {
    const [event] = expectEvents(parseEventBridgePayload(readSample("credentialsExposed2016"), NOW));
    expect(event?.record).toMatchObject({
      arn: "arn:aws:health:us-east-1::event/AWS_RISK_CREDENTIALS_EXPOSED_XXXXXXXXXXXXXXXXX",
      accountId: "123456789012",
      service: "RISK",
      eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED",
      status: "open",
      scope: null,
      region: "us-east-1",
      startTime: Date.parse("2016-06-05T15:10:09Z"),
      lastUpdatedTime: null,
      description: "A description of the event will be provided here",
    });
    expect(event).toMatchObject({ page: 1, totalPages: 1, isBackup: false });
    expect(event?.communicationId).toBe("eventbridge:121345678-1234-1234-1234-123456789012@1465108077000-1");
    expect(event?.entities).toMatchObject([{ entityValue: "ACCESS_KEY_ID_HERE", status: "UNKNOWN", lastUpdatedTime: null, accountId: "123456789012" }]);
  });
});

describe("parseEventBridgePayload leniency", () => {
  it("keeps unknown enum values, ignores unknown fields, and prefers affectedAccount over the receiving account", () => {
    const sample = readSample("instanceRetirement");
    sample.detail = {
      ...sample.detail,
      eventTypeCategory: "futureCategory",
      statusCode: "paused",
      affectedAccount: "210987654321",
      somethingNew: { nested: true },
      personas: "SECURITY",
      affectedEntities: [{ entityValue: "i-1", status: "DEGRADED_SOMEHOW", lastUpdatedtime: "Tue, 3 Feb 2026 01:02:03 GMT" }],
    };
    sample.region = "us-west-2";
    const [event] = expectEvents(parseEventBridgePayload(sample, NOW));
    expect(event?.record).toMatchObject({ category: "futureCategory", status: "paused", accountId: "210987654321", personas: ["SECURITY"], region: "us-east-1" });
    expect(event?.receivingAccount).toBe("123456789012");
    expect(event?.entities[0]).toMatchObject({ status: "DEGRADED_SOMEHOW", accountId: "210987654321", lastUpdatedTime: Date.parse("2026-02-03T01:02:03Z") });
  });

  it("reads backupEvent and numeric pages, picks the en_US description, and infers closed for a legacy event that ended", () => {
    const sample = readSample("credentialsExposed2016");
    sample.detail = {
      ...sample.detail,
      backupEvent: "TRUE",
      page: 2,
      totalPages: "3",
      communicationId: "abc-2",
      endTime: "Sun, 6 Jun 2016 10:00:00 GMT",
      eventDescription: [
        { language: "fr_FR", latestDescription: "Une description" },
        { language: "en_US", latestDescription: "A description" },
      ],
    };
    const [event] = expectEvents(parseEventBridgePayload(sample, NOW));
    expect(event).toMatchObject({ isBackup: true, page: 2, totalPages: 3, communicationId: "abc-2", communicationBase: "abc" });
    expect(event?.record).toMatchObject({ status: "closed", description: "A description" });
  });

  it("accepts an array and the backup copy of a page", () => {
    const page = makeLambdaPage(3);
    const events = expectEvents(parseEventBridgePayload([page, makeBackupCopy(page)], NOW));
    expect(events.map((event) => [event.communicationBase, event.page, event.isBackup, event.deliveryRegion])).toEqual([
      ["1234abc01232a4012345678", 3, false, "us-west-2"],
      ["1234abc01232a4012345678", 3, true, "us-east-1"],
    ]);
  });
});

describe("parseEventBridgePayload repairs", () => {
  it("pads an account that lost its leading zeros, ignores a non-account affectedAccount, and says so without quoting it", () => {
    const sample: Record<string, unknown> = { ...readSample("credentialsExposed2016"), account: 1234567890 };
    sample.detail = { ...readSample("credentialsExposed2016").detail, affectedAccount: "AKIAIOSFODNN7EXAMPLE" };
    const result = parseEventBridgePayload(sample, NOW);
    expect(result).toMatchObject({ ok: true, warnings: [{ index: 0 }, { index: 0 }] });
    expect(expectEvents(result)[0]?.record.accountId).toBe("001234567890");
    expect(JSON.stringify(result)).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });

  it("files an event without any usable account under 000000000000, or under a valid affectedAccount", () => {
    const sample = readSample("credentialsExposed2016");
    sample.account = "not-an-account";
    expect(expectEvents(parseEventBridgePayload(sample, NOW))[0]?.record.accountId).toBe("000000000000");
    const withoutAccount: Record<string, unknown> = { ...sample, detail: { ...sample.detail, affectedAccount: "210987654321" } };
    delete withoutAccount.account;
    expect(expectEvents(parseEventBridgePayload(withoutAccount, NOW))[0]?.record.accountId).toBe("210987654321");
  });
});

describe("parseEventBridgePayload errors", () => {
  it("names the path and the problem, and the index inside an array", () => {
    const broken = readSample("publicIssue");
    broken.detail = { ...broken.detail, eventArn: undefined, page: "two", startTime: "soon" };
    const error = expectError(parseEventBridgePayload([broken, broken], NOW));
    expect(error).toContain("invalid events, nothing stored: ");
    expect(error).toContain("events[1].detail.eventArn: missing; expected an event ARN");
    expect(error).toContain('events[1].detail.page: must be a whole number from 1 to 100000, got "two"');
    expect(error).toContain('events[1].detail.startTime: not a date: "soon"');
    expect(error).toContain("events[0].detail.eventArn");
    const partly = parseEventBridgePayload([readSample("instanceRetirement"), broken], NOW);
    expect(partly).toMatchObject({ ok: true, indexes: [0], rejected: [{ index: 1, error: expect.stringContaining("events[1].detail.eventArn") }] });
  });

  it("rejects events from another source, a bad account and entities without a value", () => {
    const other = { ...readSample("publicIssue"), source: "aws.ec2", account: "12345" };
    expect(expectError(parseEventBridgePayload(other, NOW))).toBe('invalid event, nothing stored: source: must be "aws.health" (match the rule on source aws.health)');
    const sample = readSample("instanceRetirement");
    sample.detail = { ...sample.detail, affectedEntities: [{ status: "PENDING" }] };
    expect(expectError(parseEventBridgePayload(sample, NOW))).toContain("detail.affectedEntities[0].entityValue: missing; expected a non-empty string");
  });

  it("rejects a page beyond totalPages, a non-object, an empty array and too many events", () => {
    const sample = readSample("lambdaPage1of10");
    sample.detail = { ...sample.detail, page: "11" };
    expect(expectError(parseEventBridgePayload(sample, NOW))).toContain("detail.page: page 11 is beyond totalPages 10");
    expect(expectError(parseEventBridgePayload("hello", NOW))).toBe("invalid event, nothing stored: must be an aws.health event object");
    expect(expectError(parseEventBridgePayload([], NOW))).toBe("the array holds no events");
    const many = Array.from({ length: 101 }, () => readSample("publicIssue"));
    expect(expectError(parseEventBridgePayload(many, NOW))).toBe("at most 100 events per request, got 101");
  });
});
