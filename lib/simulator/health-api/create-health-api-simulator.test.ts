import { connect } from "node:net";
import {
  DescribeAffectedEntitiesCommand,
  DescribeEntityAggregatesCommand,
  DescribeEventAggregatesCommand,
  DescribeEventDetailsCommand,
  DescribeEventsCommand,
  DescribeEventTypesCommand,
  paginateDescribeAffectedEntities,
  type AffectedEntity,
} from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { MANAGEMENT, MEMBER } from "@/lib/simulator/health-api/health-fixture-scenario";
import { postHealth, startFixture, type FixtureHarness } from "@/lib/simulator/health-api/health-api-test-setup";

let harness: FixtureHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startFixture>[0] = {}) {
  harness = await startFixture(options);
  return harness;
}

describe("Health API transport (awsJson1_1)", () => {
  it("answers POST / with the JSON 1.1 content type, a request id, and accepts an empty body", async () => {
    const { sim } = await start();
    const response = await postHealth(sim.url, "DescribeEvents", "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    const text = await response.text();
    expect(text).not.toContain("null");
    const body = JSON.parse(text) as { events: Array<Record<string, unknown>>; nextToken?: string };
    expect(body.events).toHaveLength(6);
    for (const event of body.events) {
      expect(typeof event.lastUpdatedTime).toBe("number");
      expect(event.lastUpdatedTime).toBe((sim.world().events.get(String(event.arn))?.lastUpdatedMs ?? 0) / 1000);
    }
    const billing = body.events.find((event) => event.eventTypeCode === "AWS_BILLING_NOTIFICATION");
    expect(billing && "endTime" in billing).toBe(false);
    expect(billing && "availabilityZone" in billing).toBe(false);
    expect((await postHealth(sim.url, "DescribeEvents", "{}")).status).toBe(200);
  });

  it("dispatches on the X-Amz-Target header whatever its case, and accepts any SigV4 signature", async () => {
    const { sim } = await start();
    const url = new URL(sim.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.end(
          "POST / HTTP/1.1\r\nHost: x\r\nX-AMZ-TARGET: AWSHealth_20160804.DescribeHealthServiceStatusForOrganization\r\n" +
            "CONTENT-TYPE: application/x-amz-json-1.1\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDWHATEVER/20260801/us-east-1/health/aws4_request, SignedHeaders=host, Signature=00\r\n" +
            "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
        );
      });
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw).toContain('{"healthServiceAccessStatusForOrganization":"ENABLED"}');
  });

  it("rejects unknown targets, other routes, other content types, bad JSON and oversized bodies with AWS-shaped errors", async () => {
    const { sim } = await start({ maxBodyBytes: 1_024 });
    const expectError = async (response: Response, status: number, type: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
      expect(((await response.json()) as { __type: string }).__type).toBe(type);
    };
    await expectError(await postHealth(sim.url, "DescribeEverything", "{}"), 400, "UnknownOperationException");
    await expectError(await postHealth(sim.url, "DescribeEvents", "{}", { "X-Amz-Target": "Other.DescribeEvents" }), 400, "UnknownOperationException");
    await expectError(await fetch(`${sim.url}/anything`, { method: "POST", body: "{}" }), 404, "UnknownOperationException");
    await expectError(await fetch(`${sim.url}/`), 404, "UnknownOperationException");
    await expectError(await postHealth(sim.url, "DescribeEvents", "{}", { "Content-Type": "application/json" }), 400, "SerializationException");
    await expectError(await postHealth(sim.url, "DescribeEvents", "{nope"), 400, "SerializationException");
    await expectError(await postHealth(sim.url, "DescribeEvents", "[]"), 400, "SerializationException");
    await expectError(await postHealth(sim.url, "DescribeEvents", JSON.stringify({ locale: "x".repeat(2_000) })), 413, "RequestEntityTooLarge");
    await expectError(await postHealth(sim.url, "DescribeEvents", JSON.stringify({ maxResults: "ten" })), 400, "SerializationException");
  });

  it("answers Enable/DisableHealthServiceAccessForOrganization with HTTP 200 and an empty body", async () => {
    const { sim } = await start({ orgView: "ENABLED" });
    const response = await postHealth(sim.url, "DisableHealthServiceAccessForOrganization", "{}");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("0");
    expect(await response.text()).toBe("");
  });
});

describe("Health API account view through @aws-sdk/client-health", () => {
  it("DescribeEvents: the caller's and public events, newest lastUpdatedTime first, timestamps as Dates", async () => {
    const { client, sim, arn } = await start();
    const { events = [], nextToken } = await client.send(new DescribeEventsCommand({ maxResults: 100 }));
    expect(nextToken).toBeUndefined();
    expect(events.map((event) => event.arn).sort()).toEqual(
      ["retirement", "billing", "lifecycle", "old-issue", "public-notice", "ec2-incident"].map(arn).sort(),
    );
    const times = events.map((event) => event.lastUpdatedTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const retirement = events.find((event) => event.arn === arn("retirement"));
    expect(retirement?.startTime).toBeInstanceOf(Date);
    expect(retirement?.startTime?.getTime()).toBe(sim.world().events.get(arn("retirement"))?.startMs);
    expect(retirement).toMatchObject({
      service: "EC2",
      eventTypeCategory: "scheduledChange",
      statusCode: "upcoming",
      eventScopeCode: "ACCOUNT_SPECIFIC",
      availabilityZone: "us-east-1a",
      actionability: "ACTION_REQUIRED",
      personas: ["OPERATIONS"],
    });
    const incident = events.find((event) => event.arn === arn("ec2-incident"));
    expect(incident).toMatchObject({ eventScopeCode: "PUBLIC", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", statusCode: "open" });
    expect(events.find((event) => event.arn === arn("old-issue"))?.endTime).toBeInstanceOf(Date);
  });

  it("DescribeEventDetails: descriptions with paragraphs, metadata, and unknown ARNs in failedSet", async () => {
    const { client, arn } = await start();
    const unknown = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_NOPE";
    const result = await client.send(new DescribeEventDetailsCommand({ eventArns: [arn("retirement"), unknown, arn("member-only")] }));
    expect(result.successfulSet?.map((item) => item.event?.arn)).toEqual([arn("retirement")]);
    const [details] = result.successfulSet ?? [];
    expect(details?.eventDescription?.latestDescription).toBe("Your instance will be retired.\n\nPlease stop and start it before then.");
    expect(details?.eventMetadata).toEqual({ deadline: "in two weeks", truncated: "true" });
    expect(result.failedSet?.map((item) => item.eventArn)).toEqual([unknown, arn("member-only")]);
    expect(result.failedSet?.[0]).toMatchObject({ errorName: "EventNotFoundException", errorMessage: expect.stringContaining("couldn't find") });
  });

  it("DescribeAffectedEntities: the caller's entities only, paginated to the end, with optional fields when present", async () => {
    const { client, arn } = await start();
    const entities: AffectedEntity[] = [];
    const pages = paginateDescribeAffectedEntities({ client, pageSize: 40 }, { filter: { eventArns: [arn("lifecycle"), arn("retirement")] } });
    for await (const page of pages) entities.push(...(page.entities ?? []));
    expect(entities).toHaveLength(126);
    expect(new Set(entities.map((entity) => entity.awsAccountId))).toEqual(new Set([MANAGEMENT]));
    expect(entities.filter((entity) => entity.statusCode === "PENDING")).toHaveLength(101);
    const instance = entities.find((entity) => entity.entityValue === "i-0abc1234567890def");
    expect(instance).toMatchObject({ eventArn: arn("retirement"), entityMetadata: { instanceType: "m5.large" }, entityUrl: expect.stringContaining("console.aws") });
    expect(instance?.lastUpdatedTime).toBeInstanceOf(Date);
    const pending = await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: [arn("lifecycle")], statusCodes: ["RESOLVED"] }, maxResults: 100 }));
    expect(pending.entities).toHaveLength(25);
    const account = await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: [arn("billing")] } }));
    expect(account.entities?.[0]).toMatchObject({ entityValue: "AWS_ACCOUNT", awsAccountId: MANAGEMENT });
    expect(account.entities?.[0]?.statusCode).toBeUndefined();
  });

  it("DescribeEntityAggregates and DescribeEventAggregates count by status and by category", async () => {
    const { client, arn } = await start();
    const entityAggregates = await client.send(new DescribeEntityAggregatesCommand({ eventArns: [arn("lifecycle"), arn("ec2-incident")] }));
    expect(entityAggregates.entityAggregates).toEqual([
      { eventArn: arn("lifecycle"), count: 125, statuses: { PENDING: 100, RESOLVED: 25 } },
      { eventArn: arn("ec2-incident"), count: 1, statuses: { IMPAIRED: 1 } },
    ]);
    const eventAggregates = await client.send(new DescribeEventAggregatesCommand({ aggregateField: "eventTypeCategory" }));
    expect(eventAggregates.eventAggregates).toEqual([
      { aggregateValue: "accountNotification", count: 2 },
      { aggregateValue: "issue", count: 2 },
      { aggregateValue: "scheduledChange", count: 2 },
    ]);
    const open = await client.send(new DescribeEventAggregatesCommand({ aggregateField: "eventTypeCategory", filter: { eventStatusCodes: ["closed"] } }));
    expect(open.eventAggregates).toEqual([{ aggregateValue: "issue", count: 1 }]);
  });

  it("DescribeEventTypes: 30 per page by default, the world's types included, filterable", async () => {
    const { client } = await start();
    const first = await client.send(new DescribeEventTypesCommand({}));
    expect(first.eventTypes?.length).toBeLessThanOrEqual(30);
    const all = await client.send(new DescribeEventTypesCommand({ maxResults: 100 }));
    expect(all.eventTypes?.map((type) => type.code)).toEqual(expect.arrayContaining(["AWS_RDS_MAINTENANCE_SCHEDULED", "AWS_EC2_OPERATIONAL_ISSUE"]));
    const risk = await client.send(new DescribeEventTypesCommand({ filter: { services: ["RISK"] } }));
    expect(risk.eventTypes?.map((type) => type.code)).toEqual([
      "AWS_RISK_CREDENTIALS_COMPROMISED",
      "AWS_RISK_CREDENTIALS_EXPOSED",
      "AWS_RISK_IAM_QUARANTINE",
    ]);
    expect(risk.eventTypes?.[0]).toMatchObject({ category: "issue", actionability: "ACTION_REQUIRED", personas: ["SECURITY"] });
  });

  it("acts as the account an access key is mapped to", async () => {
    const { sim, arn } = await start({ accessKeys: { AKIDMEMBER: MEMBER } });
    const member = createTestHealthClient(sim.url, { accessKeyId: "AKIDMEMBER" });
    try {
      const { events = [] } = await member.send(new DescribeEventsCommand({ maxResults: 100 }));
      expect(events.map((event) => event.arn)).toContain(arn("member-only"));
      expect(events.map((event) => event.arn)).not.toContain(arn("retirement"));
    } finally {
      member.destroy();
    }
  });
});
