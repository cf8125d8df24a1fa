import { readFileSync } from "node:fs";
import path from "node:path";
import { DescribeAffectedEntitiesCommand, DescribeEventDetailsCommand, DescribeEventsCommand } from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createHealthClient } from "@/lib/server/sources/account-health/create-health-client";
import { parseEach, sdkAffectedEntitySchema, sdkEventDetailsSchema, sdkEventSchema } from "@/lib/server/sources/account-health/health-sdk-schemas";
import { serveHealthJson, TEST_CREDENTIALS, type HealthJsonTestServer } from "@/tests/support/health-json-test-server";
import { toAccountEventRecord, toAffectedEntityRecord } from "@/lib/server/sources/account-health/normalise-health-records";

const readSample = (name: string): unknown => JSON.parse(readFileSync(path.join(process.cwd(), "tests/fixtures/account-health", name), "utf8"));

let server: HealthJsonTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientAnswering(bodies: Record<string, unknown>) {
  server = await serveHealthJson((call) => ({ body: bodies[call.operation] ?? {} }));
  return createHealthClient(
    { region: "us-east-1", endpoint: server.url, via: "override" },
    { credentials: TEST_CREDENTIALS, maxAttempts: 1, retryMode: "standard", requestTimeoutMs: 2000, userAgent: "healthdeck-test" },
  );
}

describe("normalising Health API answers read by the real SDK", () => {
  it("keeps AWS's sample events, with missing endTime as null and fractional seconds as ms", async () => {
    const client = await clientAnswering({ DescribeEvents: readSample("api-describe-events-response-awscli-example1.json") });
    const output = await client.send(new DescribeEventsCommand({}));
    const { items, dropped } = parseEach(sdkEventSchema, output.events);
    expect(dropped).toBe(0);
    const records = items.map((event) => toAccountEventRecord(event, null, "123456789012"));
    expect(records).toHaveLength(10);
    expect(records[0]).toEqual({
      arn: "arn:aws:health:us-west-1::event/ECS/AWS_ECS_OPERATIONAL_ISSUE/AWS_ECS_OPERATIONAL_ISSUE_KWQPY_EXAMPLE111",
      accountId: "123456789012",
      service: "ECS",
      eventTypeCode: "AWS_ECS_OPERATIONAL_ISSUE",
      category: "issue",
      region: "us-west-1",
      availabilityZone: null,
      status: "closed",
      scope: "PUBLIC",
      startTime: 1589077890530,
      endTime: 1589086345597,
      lastUpdatedTime: 1589086345905,
      description: null,
      metadata: null,
      actionability: null,
      personas: null,
      origin: "api",
    });
    const billing = records[1];
    expect(billing).toMatchObject({ region: "global", category: "accountNotification", status: "open", endTime: null, scope: "ACCOUNT_SPECIFIC" });
  });

  it("adds the description from details and keeps the listing's scope when details leave it out", async () => {
    const details = readSample("api-describe-event-details-response-awscli.json");
    const client = await clientAnswering({ DescribeEventDetails: details });
    const output = await client.send(new DescribeEventDetailsCommand({ eventArns: ["x"] }));
    const [detail] = parseEach(sdkEventDetailsSchema, output.successfulSet).items;
    expect(detail).toBeDefined();
    if (!detail?.event) throw new Error("no event in details");
    const listed = { ...detail.event, eventScopeCode: "PUBLIC", statusCode: "open" };
    const record = toAccountEventRecord(listed, detail, "123456789012");
    expect(record?.scope).toBe("PUBLIC");
    expect(record?.status).toBe("closed");
    expect(record?.description?.split("\n\n")).toHaveLength(3);
    expect(record?.description?.startsWith("[RESOLVED] Increased API Error Rates")).toBe(true);
  });

  it("keeps unknown enum values as strings and tolerates missing optional fields", async () => {
    const client = await clientAnswering({
      DescribeEvents: {
        events: [
          { arn: "arn:aws:health:eu-west-1::event/EC2/X/Y", eventTypeCategory: "brandNewCategory", statusCode: "pausing", eventScopeCode: "SOMETHING_NEW", actionability: "MAYBE_LATER", personas: ["FINANCE"] },
          { service: "EC2" },
        ],
      },
      DescribeAffectedEntities: readSample("api-describe-affected-entities-response-awscli-account-entity.json"),
    });
    const events = parseEach(sdkEventSchema, (await client.send(new DescribeEventsCommand({}))).events).items;
    const records = events.map((event) => toAccountEventRecord(event, null, null));
    expect(records[0]).toMatchObject({ category: "brandNewCategory", status: "pausing", scope: "SOMETHING_NEW", actionability: "MAYBE_LATER", personas: ["FINANCE"], service: "", eventTypeCode: "", startTime: null });
    expect(records[1]).toBeNull();

    const entities = parseEach(sdkAffectedEntitySchema, (await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: ["x"] } }))).entities).items;
    const [entity] = entities.map((item) => toAffectedEntityRecord(item, null, null));
    expect(entity).toEqual({
      eventArn: "arn:aws:health:global::event/BILLING/AWS_BILLING_NOTIFICATION/AWS_BILLING_NOTIFICATION_6ce1d874-e995-40e2-99cd-EXAMPLE11145",
      accountId: "123456789012",
      entityArn: "arn:aws:health:global:123456789012:entity/EXAMPLEimSMoULmWHpb",
      entityValue: "AWS_ACCOUNT",
      entityUrl: null,
      status: "UNKNOWN",
      lastUpdatedTime: 1588356454080,
      metadata: {},
    });
  });

  it("attributes an entity without eventArn only when the caller knows the event", () => {
    const bare = sdkAffectedEntitySchema.parse({ entityValue: "i-0abc", statusCode: "IMPAIRED" });
    expect(toAffectedEntityRecord(bare, null, "111122223333")).toBeNull();
    expect(toAffectedEntityRecord(bare, "arn:e", "111122223333")).toMatchObject({ eventArn: "arn:e", accountId: "111122223333", status: "IMPAIRED" });
  });
});
