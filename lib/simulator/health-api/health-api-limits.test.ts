import {
  DescribeAffectedAccountsForOrganizationCommand,
  DescribeAffectedEntitiesCommand,
  DescribeAffectedEntitiesForOrganizationCommand,
  DescribeEntityAggregatesCommand,
  DescribeEntityAggregatesForOrganizationCommand,
  DescribeEventAggregatesCommand,
  DescribeEventDetailsCommand,
  DescribeEventDetailsForOrganizationCommand,
  DescribeEventsCommand,
  DescribeEventsForOrganizationCommand,
  DescribeEventTypesCommand,
  type HealthClient,
} from "@aws-sdk/client-health";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, type FixtureHarness } from "@/lib/simulator/health-api/health-api-test-setup";

let harness: FixtureHarness;
beforeAll(async () => {
  harness = await startFixture();
});
afterAll(async () => {
  await harness.close();
});

const arns = (count: number) => Array.from({ length: count }, (_, index) => `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/X_${index}`);
const accounts = (count: number) => Array.from({ length: count }, (_, index) => String(100_000_000_000 + index));
const strings = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const ranges = (count: number) => Array.from({ length: count }, () => ({ from: new Date(0) }));
/** Sends values the SDK's types do not allow, as an outdated or hand-written client could; the cast is the point. */
function unchecked<T>(value: unknown): T {
  return value as T;
}

type Case = [label: string, send: (client: HealthClient) => Promise<unknown>, message: string];

const LIMITS: Case[] = [
  ["DescribeEvents maxResults 0", (c) => c.send(new DescribeEventsCommand({ maxResults: 0 })), "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ["DescribeEvents maxResults 101", (c) => c.send(new DescribeEventsCommand({ maxResults: 101 })), "Member must have value less than or equal to 100"],
  ["EventFilter.eventArns 11", (c) => c.send(new DescribeEventsCommand({ filter: { eventArns: arns(11) } })), "at 'filter.eventArns' failed to satisfy constraint: Member must have length less than or equal to 10"],
  ["EventFilter.eventTypeCodes 11", (c) => c.send(new DescribeEventsCommand({ filter: { eventTypeCodes: strings(11, "AWS_X_") } })), "'filter.eventTypeCodes'"],
  ["EventFilter.services 11", (c) => c.send(new DescribeEventsCommand({ filter: { services: strings(11, "S") } })), "'filter.services'"],
  ["EventFilter.regions 11", (c) => c.send(new DescribeEventsCommand({ filter: { regions: strings(11, "us-east-") } })), "'filter.regions'"],
  ["EventFilter.regions empty", (c) => c.send(new DescribeEventsCommand({ filter: { regions: [] } })), "Member must have length greater than or equal to 1"],
  ["EventFilter.entityArns 100", (c) => c.send(new DescribeEventsCommand({ filter: { entityArns: strings(100, "arn:e") } })), "less than or equal to 99"],
  ["EventFilter.entityValues 100", (c) => c.send(new DescribeEventsCommand({ filter: { entityValues: strings(100, "i-") } })), "less than or equal to 99"],
  ["EventFilter.lastUpdatedTimes 11", (c) => c.send(new DescribeEventsCommand({ filter: { lastUpdatedTimes: ranges(11) } })), "'filter.lastUpdatedTimes'"],
  ["EventFilter.eventStatusCodes 7", (c) => c.send(new DescribeEventsCommand({ filter: { eventStatusCodes: ["open", "open", "open", "open", "open", "open", "open"] } })), "less than or equal to 6"],
  ["EventFilter.personas 4", (c) => c.send(new DescribeEventsCommand({ filter: { personas: ["OPERATIONS", "SECURITY", "BILLING", "BILLING"] } })), "less than or equal to 3"],
  ["EventFilter.eventTypeCategories enum", (c) => c.send(new DescribeEventsCommand({ filter: { eventTypeCategories: unchecked(["outage"]) } })), "Value 'outage' at 'filter.eventTypeCategories.1.member' failed to satisfy constraint: Member must satisfy enum value set: [issue, accountNotification, scheduledChange, investigation]"],
  ["EventFilter.actionabilities enum", (c) => c.send(new DescribeEventsCommand({ filter: { actionabilities: unchecked(["URGENT"]) } })), "enum value set"],
  ["EventFilter.eventTypeCodes pattern", (c) => c.send(new DescribeEventsCommand({ filter: { eventTypeCodes: ["a:b"] } })), "regular expression pattern"],
  ["EventFilter.availabilityZones pattern", (c) => c.send(new DescribeEventsCommand({ filter: { availabilityZones: ["zone1"] } })), "regular expression pattern"],
  ["DescribeEventDetails eventArns 11", (c) => c.send(new DescribeEventDetailsCommand({ eventArns: arns(11) })), "'eventArns'"],
  ["DescribeEventDetails eventArns 0", (c) => c.send(new DescribeEventDetailsCommand({ eventArns: [] })), "greater than or equal to 1"],
  ["DescribeEventDetails eventArns missing", (c) => c.send(new DescribeEventDetailsCommand(unchecked({}))), "Value 'null' at 'eventArns' failed to satisfy constraint: Member must not be null"],
  ["EntityFilter.eventArns 11", (c) => c.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: arns(11) } })), "'filter.eventArns'"],
  ["EntityFilter.eventArns missing", (c) => c.send(new DescribeAffectedEntitiesCommand(unchecked({ filter: {} }))), "'filter.eventArns' failed to satisfy constraint: Member must not be null"],
  ["EntityFilter.statusCodes enum", (c) => c.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: arns(1), statusCodes: unchecked(["BROKEN"]) } })), "enum value set: [IMPAIRED, UNIMPAIRED, UNKNOWN, PENDING, RESOLVED]"],
  ["DescribeAffectedEntities maxResults 101", (c) => c.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: arns(1) }, maxResults: 101 })), "less than or equal to 100"],
  ["DescribeEntityAggregates eventArns 51", (c) => c.send(new DescribeEntityAggregatesCommand({ eventArns: arns(51) })), "less than or equal to 50"],
  ["DescribeEventAggregates aggregateField", (c) => c.send(new DescribeEventAggregatesCommand({ aggregateField: unchecked("service") })), "enum value set: [eventTypeCategory]"],
  ["DescribeEventAggregates maxResults 9", (c) => c.send(new DescribeEventAggregatesCommand({ aggregateField: "eventTypeCategory", maxResults: 9 })), "greater than or equal to 10"],
  ["DescribeEventTypes maxResults 9", (c) => c.send(new DescribeEventTypesCommand({ maxResults: 9 })), "greater than or equal to 10"],
  ["DescribeEventTypes maxResults 101", (c) => c.send(new DescribeEventTypesCommand({ maxResults: 101 })), "less than or equal to 100"],
  ["OrganizationEventFilter.awsAccountIds 51", (c) => c.send(new DescribeEventsForOrganizationCommand({ filter: { awsAccountIds: accounts(51) } })), "less than or equal to 50"],
  ["DescribeEventsForOrganization maxResults 101", (c) => c.send(new DescribeEventsForOrganizationCommand({ maxResults: 101 })), "less than or equal to 100"],
  ["organizationEventDetailFilters 11", (c) => c.send(new DescribeEventDetailsForOrganizationCommand({ organizationEventDetailFilters: arns(11).map((eventArn) => ({ eventArn })) })), "less than or equal to 10"],
  ["DescribeAffectedAccountsForOrganization maxResults 9", (c) => c.send(new DescribeAffectedAccountsForOrganizationCommand({ eventArn: arns(1)[0], maxResults: 9 })), "greater than or equal to 10"],
  ["organizationEntityAccountFilters 11", (c) => c.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters: arns(11).map((eventArn) => ({ eventArn })) })), "less than or equal to 10"],
  ["organizationEntityFilters 11", (c) => c.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityFilters: arns(11).map((eventArn) => ({ eventArn })) })), "less than or equal to 10"],
  ["entity account filter statusCodes 6", (c) => c.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters: [{ eventArn: arns(1)[0], statusCodes: ["PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING"] }] })), "less than or equal to 5"],
  ["both entity filter kinds", (c) => c.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters: [{ eventArn: arns(1)[0] }], organizationEntityFilters: [{ eventArn: arns(1)[0] }] })), "Exactly one of"],
  ["DescribeAffectedEntitiesForOrganization maxResults 0", (c) => c.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters: [{ eventArn: arns(1)[0] }], maxResults: 0 })), "greater than or equal to 1"],
  ["DescribeEntityAggregatesForOrganization eventArns 26", (c) => c.send(new DescribeEntityAggregatesForOrganizationCommand({ eventArns: arns(26) })), "less than or equal to 25"],
  ["DescribeEntityAggregatesForOrganization awsAccountIds 26", (c) => c.send(new DescribeEntityAggregatesForOrganizationCommand({ eventArns: arns(1), awsAccountIds: accounts(26) })), "'awsAccountIds'"],
];

describe("Health API input limits", () => {
  it.each(LIMITS)("%s → ValidationException", async (_label, send, message) => {
    const error = await send(harness.client).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "ValidationException", $fault: "client", $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain(message);
  });

  it("counts every violation in one message", async () => {
    const error = await harness.client.send(new DescribeEventsCommand({ maxResults: 500, filter: { regions: [] } })).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^2 validation errors detected: Value .*; Value /);
  });

  it("accepts every limit's maximum", async () => {
    const { client } = harness;
    await expect(client.send(new DescribeEventsCommand({ maxResults: 100, filter: { eventArns: arns(10), entityValues: strings(99, "i-") } }))).resolves.toMatchObject({ events: [] });
    await expect(client.send(new DescribeEventDetailsCommand({ eventArns: arns(10) }))).resolves.toMatchObject({ successfulSet: [] });
    await expect(client.send(new DescribeEntityAggregatesCommand({ eventArns: arns(50) }))).resolves.toMatchObject({ entityAggregates: [] });
    await expect(client.send(new DescribeEventTypesCommand({ maxResults: 10 }))).resolves.toMatchObject({ nextToken: expect.any(String) });
    const unknownAccounts = await client.send(new DescribeEventsForOrganizationCommand({ filter: { awsAccountIds: accounts(50) } }));
    // Public events concern every account; nothing account-specific belongs to these 50.
    expect(unknownAccounts.events?.map((event) => event.eventScopeCode)).toEqual(["PUBLIC", "PUBLIC"]);
  });

  it("rejects locales other than en with UnsupportedLocale", async () => {
    for (const command of [
      new DescribeEventsCommand({ locale: "fr" }),
      new DescribeEventDetailsCommand({ eventArns: arns(1), locale: "de-DE" }),
      new DescribeEventTypesCommand({ locale: "ja" }),
    ]) {
      await expect(harness.client.send(unchecked<DescribeEventsCommand>(command))).rejects.toMatchObject({ name: "UnsupportedLocale", message: "The specified locale is not supported." });
    }
    await expect(harness.client.send(new DescribeEventsCommand({ locale: "en" }))).resolves.toBeDefined();
  });
});

describe("configurable validation error name", () => {
  it("uses errorNames.validation", async () => {
    const renamed = await startFixture({ steps: 0, errorNames: { validation: "InvalidParameterException" } });
    try {
      await expect(renamed.client.send(new DescribeEventsCommand({ maxResults: 101 }))).rejects.toMatchObject({ name: "InvalidParameterException" });
    } finally {
      await renamed.close();
    }
  });
});
