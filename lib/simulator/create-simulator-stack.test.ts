import {
  DescribeAffectedEntitiesCommand,
  DescribeEntityAggregatesCommand,
  DescribeEventDetailsCommand,
  DescribeEventDetailsForOrganizationCommand,
  DescribeEventsCommand,
  DescribeEventsForOrganizationCommand,
  type HealthClient,
} from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorStack, type SimulatorStack } from "@/lib/simulator/create-simulator-stack";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { loadScenario } from "@/lib/simulator/load-scenario";
import { parseScenario } from "@/lib/simulator/load-scenario";

const PRODUCTION = "123456789012";
const SANDBOX = "345678901234";

let stack: SimulatorStack | undefined;
let client: HealthClient | undefined;
afterEach(async () => {
  client?.destroy();
  await stack?.close();
  stack = undefined;
  client = undefined;
});

async function startDemo() {
  let clockMs = Date.parse("2026-08-17T16:00:00Z");
  stack = await createSimulatorStack({ scenario: await loadScenario("demo-incident"), now: () => clockMs });
  client = createTestHealthClient(stack.healthApi.url);
  const step = () => {
    clockMs += 60_000;
    return stack?.step();
  };
  return { stack, client, step, now: () => clockMs };
}

async function currentEvents(target: SimulatorStack): Promise<Array<{ arn: string; status: string }>> {
  const bytes = Buffer.from(await (await fetch(target.publicStatus.currentEventsUrl)).arrayBuffer());
  const text = Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  return JSON.parse(text) as Array<{ arn: string; status: string }>;
}

describe("createSimulatorStack with demo-incident", () => {
  it("moves the public documents and the Health API answers with the same steps", async () => {
    const { stack: target, client: health, step, now } = await startDemo();
    step();
    const early = (await health.send(new DescribeEventsCommand({ maxResults: 100 }))).events ?? [];
    const retirement = early.find((event) => event.eventTypeCode === "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    expect(retirement).toMatchObject({ statusCode: "upcoming", eventTypeCategory: "scheduledChange" });
    expect(retirement?.startTime?.getTime()).toBeGreaterThan(now() + 86_400_000);
    expect(early.some((event) => event.eventScopeCode === "PUBLIC")).toBe(false);

    step();
    const [, lambdaPublic] = await currentEvents(target);
    expect(lambdaPublic?.arn).toContain("AWS_LAMBDA_OPERATIONAL_ISSUE");
    const mirrored = (await health.send(new DescribeEventsCommand({ filter: { eventArns: [lambdaPublic?.arn ?? ""] } }))).events ?? [];
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]).toMatchObject({ eventScopeCode: "PUBLIC", statusCode: "open", service: "LAMBDA", region: "us-east-1" });
    const functions = (await health.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: [lambdaPublic?.arn ?? ""] }, maxResults: 100 }))).entities ?? [];
    expect(functions).toHaveLength(12);
    expect(functions[0]).toMatchObject({ awsAccountId: PRODUCTION, statusCode: "IMPAIRED", entityValue: expect.stringContaining(":function:checkout-") });

    for (let i = 0; i < 4; i += 1) step();
    const [details] = (await health.send(new DescribeEventDetailsCommand({ eventArns: [lambdaPublic?.arn ?? ""] }))).successfulSet ?? [];
    expect(details?.event).toMatchObject({ statusCode: "closed", endTime: expect.any(Date) });
    expect(details?.eventDescription?.latestDescription).toMatch(/^\[RESOLVED\] Increased Invocation Error Rates\n\n\[\d\d:\d\d (AM|PM) PDT\] We are investigating/);
    const aggregates = await health.send(new DescribeEntityAggregatesCommand({ eventArns: [lambdaPublic?.arn ?? ""] }));
    expect(aggregates.entityAggregates?.[0]?.statuses).toEqual({ UNIMPAIRED: 12 });
    expect((await currentEvents(target)).find((event) => event.arn === lambdaPublic?.arn)?.status).toBe("0");
  });

  it("shows scheduled changes, a lifecycle event moving from pending to resolved, and a security event that closes", async () => {
    const { client: health, step } = await startDemo();
    const lifecycleCounts = async () => {
      const events = (await health.send(new DescribeEventsCommand({ filter: { eventTypeCodes: ["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"] } }))).events ?? [];
      const result = await health.send(new DescribeEventsForOrganizationCommand({ filter: { eventTypeCodes: ["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"] } }));
      expect(result.events).toHaveLength(1);
      const aggregates = await health.send(new DescribeEntityAggregatesCommand({ eventArns: events.map((event) => event.arn ?? "") }));
      return aggregates.entityAggregates?.[0]?.statuses;
    };
    const security = async () =>
      ((await health.send(new DescribeEventsCommand({ filter: { eventTypeCodes: ["AWS_RISK_CREDENTIALS_EXPOSED"] } }))).events ?? [])[0]?.statusCode;
    step();
    expect(await lifecycleCounts()).toEqual({ PENDING: 2_300, RESOLVED: 100 });
    expect(await security()).toBeUndefined();
    step();
    step();
    expect(await security()).toBe("open");
    step();
    step();
    expect(await lifecycleCounts()).toEqual({ PENDING: 1_850, RESOLVED: 550 });
    step();
    step();
    expect(await security()).toBe("closed");
    const org = (await health.send(new DescribeEventsForOrganizationCommand({ maxResults: 100 }))).events ?? [];
    expect(new Set(org.map((event) => event.region))).toEqual(new Set(["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "global"]));
    expect(new Set(org.map((event) => event.eventTypeCategory))).toEqual(new Set(["issue", "scheduledChange", "accountNotification"]));
    const sandbox = org.find((event) => event.eventTypeCode === "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED");
    const denied = await health.send(new DescribeEventDetailsForOrganizationCommand({ organizationEventDetailFilters: [{ eventArn: sandbox?.arn ?? "", awsAccountId: SANDBOX }] }));
    expect(denied.failedSet?.[0]?.errorName).toBe("SubscriptionRequiredException");
  });
});

describe("one world, two versions", () => {
  it("account-only steps leave the public documents' ETags alone", async () => {
    const scenario = parseScenario({
      name: "account-only",
      steps: [
        {
          actions: [
            { type: "open-account-event", id: "n", service: "BILLING", eventTypeCode: "AWS_BILLING_NOTIFICATION", category: "accountNotification", region: "global", description: "Invoice." },
          ],
        },
      ],
    });
    stack = await createSimulatorStack({ scenario });
    const etag = async () => (await fetch(stack?.publicStatus.currentEventsUrl ?? "")).headers.get("etag");
    const before = await etag();
    stack.step();
    expect(await etag()).toBe(before);
    expect(stack.healthApi.world().events.size).toBe(1);
    expect((await (await fetch(`${stack.publicStatus.url}/__sim/state`)).json()) as { stepIndex: number }).toMatchObject({ stepIndex: 0 });
  });
});
