import {
  DescribeAffectedEntitiesCommand,
  DescribeEventsCommand,
  DescribeEventsForOrganizationCommand,
  DescribeEventTypesCommand,
  paginateDescribeAffectedEntities,
  paginateDescribeEvents,
  type Event,
} from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createHealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { postHealth, startFixture, type FixtureHarness } from "@/lib/simulator/health-api/health-api-test-setup";
import { parseScenario } from "@/lib/simulator/load-scenario";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function start(options: Parameters<typeof startFixture>[0] = {}): Promise<FixtureHarness> {
  const harness = await startFixture(options);
  cleanups.push(harness.close);
  return harness;
}

const TOKEN_PATTERN = /^[a-zA-Z0-9=/+_.-]{4,10000}$/;

describe("pagination", () => {
  it("paginateDescribeEvents reaches the end with opaque tokens; the last page has no nextToken", async () => {
    const { client, sim } = await start();
    const all = (await client.send(new DescribeEventsCommand({ maxResults: 100 }))).events ?? [];
    const paged: Event[] = [];
    const tokens: string[] = [];
    for await (const page of paginateDescribeEvents({ client, pageSize: 4 }, {})) {
      paged.push(...(page.events ?? []));
      if (page.nextToken) tokens.push(page.nextToken);
    }
    expect(paged.map((event) => event.arn)).toEqual(all.map((event) => event.arn));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(TOKEN_PATTERN);
    const last = await postHealth(sim.url, "DescribeEvents", JSON.stringify({ maxResults: 4, nextToken: tokens[0] }));
    const body = (await last.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("nextToken");
    expect(body.events).toHaveLength(2);
  });

  it("lets maxResults change between pages", async () => {
    const { client } = await start();
    const first = await client.send(new DescribeEventsCommand({ maxResults: 1 }));
    const rest = await client.send(new DescribeEventsCommand({ maxResults: 100, nextToken: first.nextToken }));
    expect((first.events?.length ?? 0) + (rest.events?.length ?? 0)).toBe(6);
    expect(rest.nextToken).toBeUndefined();
  });

  it("rejects garbage, foreign, replayed-with-another-filter and expired tokens with InvalidPaginationToken", async () => {
    const { client, clock } = await start({ paginationTokenTtlMs: 600_000 });
    const other = await start();
    const { nextToken } = await client.send(new DescribeEventsCommand({ maxResults: 2 }));
    const expectInvalid = (promise: Promise<unknown>) =>
      expect(promise).rejects.toMatchObject({ name: "InvalidPaginationToken", $metadata: { httpStatusCode: 400 } });
    await expectInvalid(client.send(new DescribeEventsCommand({ nextToken: "!!!!" })));
    await expectInvalid(client.send(new DescribeEventsCommand({ nextToken: "AQICAHjDhCYeYPq-zXMzcdNOIWJQKCUN1s1J84fdK4ztGn9uoAExampleTokenExampleTokenExampleToken" })));
    await expectInvalid(client.send(new DescribeEventsCommand({ nextToken: `${nextToken ?? ""}x` })));
    await expectInvalid(client.send(new DescribeEventsCommand({ nextToken, filter: { services: ["EC2"] } })));
    await expectInvalid(client.send(new DescribeEventsForOrganizationCommand({ nextToken })));
    await expectInvalid(other.client.send(new DescribeEventsCommand({ nextToken })));
    await expect(client.send(new DescribeEventsCommand({ nextToken, maxResults: 2 }))).resolves.toMatchObject({ events: expect.any(Array) });
    clock.ms += 600_001;
    await expectInvalid(client.send(new DescribeEventsCommand({ nextToken, maxResults: 2 })));
  });

  it("pages a 5,000-entity event 100 at a time: 50 DescribeAffectedEntities calls, every entity once", async () => {
    const scenario = parseScenario({
      name: "big",
      steps: [
        {
          actions: [
            {
              type: "open-account-event",
              id: "big",
              service: "LAMBDA",
              eventTypeCode: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT",
              category: "scheduledChange",
              region: "us-east-1",
              description: "Many functions.",
              generate: { count: 5_000, statuses: { PENDING: 3_000 }, status: "RESOLVED" },
            },
          ],
        },
      ],
    });
    const sim = await createHealthApiSimulator({ scenario });
    const client = createTestHealthClient(sim.url);
    cleanups.push(async () => {
      client.destroy();
      await sim.close();
    });
    sim.step();
    const arn = sim.world().idToArn.get("big") ?? "";
    const values = new Set<string>();
    for await (const page of paginateDescribeAffectedEntities({ client, pageSize: 100 }, { filter: { eventArns: [arn] } })) {
      for (const entity of page.entities ?? []) values.add(entity.entityValue ?? "");
    }
    expect(values.size).toBe(5_000);
    expect(sim.stats().byOperation).toEqual({ DescribeAffectedEntities: 50 });
    const resolved = await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: [arn], statusCodes: ["RESOLVED"] }, maxResults: 100 }));
    expect(resolved.entities?.every((entity) => entity.statusCode === "RESOLVED")).toBe(true);
  });

  it("pages DescribeEventTypes with its default of 30", async () => {
    const actions = Array.from({ length: 20 }, (_, index) => ({
      type: "open-account-event",
      id: `type-${index}`,
      service: "SIMULATED",
      eventTypeCode: `AWS_SIMULATED_TYPE_${index}`,
      category: "accountNotification",
      region: "us-east-1",
      description: "A notice.",
    }));
    const sim = await createHealthApiSimulator({ scenario: parseScenario({ name: "types", steps: [{ actions }] }) });
    const client = createTestHealthClient(sim.url);
    cleanups.push(async () => {
      client.destroy();
      await sim.close();
    });
    sim.step();
    const first = await client.send(new DescribeEventTypesCommand({}));
    expect(first.eventTypes).toHaveLength(30);
    const second = await client.send(new DescribeEventTypesCommand({ nextToken: first.nextToken }));
    expect(second.nextToken).toBeUndefined();
    const codes = [...(first.eventTypes ?? []), ...(second.eventTypes ?? [])].map((type) => type.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["AWS_SIMULATED_TYPE_0", "AWS_SIMULATED_TYPE_19", "AWS_RISK_CREDENTIALS_EXPOSED"]));
  });
});

describe("filter semantics", () => {
  const arnsOf = async (harness: FixtureHarness, filter: NonNullable<ConstructorParameters<typeof DescribeEventsCommand>[0]>["filter"]) =>
    ((await harness.client.send(new DescribeEventsCommand({ filter, maxResults: 100 }))).events ?? []).map((event) => event.arn).sort();

  it("ANDs fields and ORs values within a field", async () => {
    const harness = await start();
    const { arn } = harness;
    expect(await arnsOf(harness, { services: ["EC2", "LAMBDA"] })).toEqual([arn("retirement"), arn("lifecycle"), arn("ec2-incident")].sort());
    expect(await arnsOf(harness, { services: ["EC2", "LAMBDA"], eventStatusCodes: ["open"] })).toEqual([arn("lifecycle"), arn("ec2-incident")].sort());
    expect(await arnsOf(harness, { regions: ["global"] })).toEqual([arn("billing"), arn("public-notice")].sort());
    expect(await arnsOf(harness, { personas: ["BILLING", "SECURITY"] })).toEqual([arn("billing")]);
    expect(await arnsOf(harness, { entityValues: ["i-0abc1234567890def"] })).toEqual([arn("retirement")]);
    expect(await arnsOf(harness, { eventTypeCategories: ["issue"], availabilityZones: ["us-east-1a"] })).toEqual([]);
    expect(await arnsOf(harness, { tags: [{ team: "x" }] })).toHaveLength(6);
  });

  it("treats date ranges as inclusive and open-ended, ORs several ranges, and skips events without the time", async () => {
    const harness = await start();
    const { arn, sim } = harness;
    const ms = (id: string) => sim.world().events.get(arn(id))?.lastUpdatedMs ?? 0;
    const at = (value: number) => new Date(value);
    expect(await arnsOf(harness, { lastUpdatedTimes: [{ from: at(ms("ec2-incident")) }] })).toEqual([arn("ec2-incident")]);
    expect(await arnsOf(harness, { lastUpdatedTimes: [{ from: at(ms("ec2-incident") + 1) }] })).toEqual([]);
    expect(await arnsOf(harness, { lastUpdatedTimes: [{ from: at(ms("billing")), to: at(ms("billing")) }] })).toEqual([arn("billing")]);
    expect(await arnsOf(harness, { lastUpdatedTimes: [{ to: at(ms("billing")) }, { from: at(ms("ec2-incident")) }] })).toEqual(
      [arn("billing"), arn("ec2-incident")].sort(),
    );
    expect(await arnsOf(harness, { endTimes: [{ from: at(0) }] })).toEqual([arn("old-issue")]);
    const org = await harness.client.send(new DescribeEventsForOrganizationCommand({ filter: { lastUpdatedTime: { from: at(ms("ec2-incident")) } } }));
    expect(org.events?.map((event) => event.arn)).toEqual([arn("ec2-incident")]);
  });
});
