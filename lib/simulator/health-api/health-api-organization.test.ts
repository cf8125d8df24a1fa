import {
  DescribeAffectedAccountsForOrganizationCommand,
  DescribeAffectedEntitiesForOrganizationCommand,
  DescribeEntityAggregatesForOrganizationCommand,
  DescribeEventDetailsForOrganizationCommand,
  DescribeEventsCommand,
  DescribeEventsForOrganizationCommand,
  DescribeHealthServiceStatusForOrganizationCommand,
  DisableHealthServiceAccessForOrganizationCommand,
  EnableHealthServiceAccessForOrganizationCommand,
  paginateDescribeAffectedEntitiesForOrganization,
  type AffectedEntity,
} from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { FAILED_SET_MESSAGES } from "@/lib/simulator/health-api/health-api-errors";
import { MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";
import { startFixture, type FixtureHarness } from "@/lib/simulator/health-api/health-api-test-setup";

let harness: FixtureHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startFixture>[0] = {}) {
  harness = await startFixture(options);
  return harness;
}

describe("organizational view state machine", () => {
  it("DISABLED → Enable → PENDING → ENABLED after the delay; concurrent changes and early org calls fail", async () => {
    const { client, clock } = await start({ orgView: "DISABLED", orgEnableDelay: 5_000 });
    const status = async () => (await client.send(new DescribeHealthServiceStatusForOrganizationCommand({}))).healthServiceAccessStatusForOrganization;
    expect(await status()).toBe("DISABLED");
    await expect(client.send(new DescribeEventsForOrganizationCommand({}))).rejects.toMatchObject({ name: "OrganizationalViewNotEnabledException" });
    const enabled = await client.send(new EnableHealthServiceAccessForOrganizationCommand({}));
    expect(enabled.$metadata.httpStatusCode).toBe(200);
    expect(await status()).toBe("PENDING");
    await expect(client.send(new EnableHealthServiceAccessForOrganizationCommand({}))).rejects.toMatchObject({ name: "ConcurrentModificationException", $metadata: { httpStatusCode: 400 } });
    await expect(client.send(new DisableHealthServiceAccessForOrganizationCommand({}))).rejects.toMatchObject({ name: "ConcurrentModificationException" });
    await expect(client.send(new DescribeEventsForOrganizationCommand({}))).rejects.toMatchObject({ name: "OrganizationalViewNotEnabledException" });
    clock.ms += 5_000;
    expect(await status()).toBe("ENABLED");
    await expect(client.send(new DescribeEventsForOrganizationCommand({}))).resolves.toMatchObject({ events: expect.any(Array) });
    await client.send(new EnableHealthServiceAccessForOrganizationCommand({}));
    expect(await status()).toBe("ENABLED");
    await client.send(new DisableHealthServiceAccessForOrganizationCommand({}));
    expect(await status()).toBe("DISABLED");
  });

  it("with orgEnableDelay 'step', PENDING lasts until the next scenario step; the error name is configurable", async () => {
    const { client, sim } = await start({ steps: 0, orgView: "PENDING", orgEnableDelay: "step", errorNames: { orgViewNotEnabled: "AWSOrganizationsNotInUseException" } });
    await expect(client.send(new DescribeAffectedAccountsForOrganizationCommand({ eventArn: "x" }))).rejects.toMatchObject({ name: "AWSOrganizationsNotInUseException" });
    expect(sim.orgView.status()).toBe("PENDING");
    sim.step();
    expect(sim.orgView.status()).toBe("ENABLED");
  });

  it("refuses organization calls from member accounts, and every call from an account without a support plan", async () => {
    const { sim } = await start({ accessKeys: { AKIDMEMBER: MEMBER, AKIDNOPLAN: NO_PLAN } });
    const member = createTestHealthClient(sim.url, { accessKeyId: "AKIDMEMBER" });
    const noPlan = createTestHealthClient(sim.url, { accessKeyId: "AKIDNOPLAN" });
    try {
      await expect(member.send(new DescribeEventsForOrganizationCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
      await expect(member.send(new EnableHealthServiceAccessForOrganizationCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
      await expect(member.send(new DescribeEventsCommand({}))).resolves.toMatchObject({ events: expect.any(Array) });
      await expect(noPlan.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "SubscriptionRequiredException", $fault: "client" });
    } finally {
      member.destroy();
      noPlan.destroy();
    }
  });
});

describe("organization operations through @aws-sdk/client-health", () => {
  it("DescribeEventsForOrganization lists every account's events, without availabilityZone, filterable by account", async () => {
    const { client, arn } = await start();
    const all = (await client.send(new DescribeEventsForOrganizationCommand({ maxResults: 100 }))).events ?? [];
    expect(all).toHaveLength(8);
    expect(all.map((event) => event.arn)).toEqual(expect.arrayContaining([arn("member-only"), arn("no-plan-event")]));
    const retirement = all.find((event) => event.arn === arn("retirement"));
    expect(retirement).not.toHaveProperty("availabilityZone");
    expect(retirement?.lastUpdatedTime).toBeInstanceOf(Date);
    const member = (await client.send(new DescribeEventsForOrganizationCommand({ filter: { awsAccountIds: [MEMBER] } }))).events ?? [];
    expect(member.map((event) => event.arn).sort()).toEqual([arn("member-only"), arn("lifecycle"), arn("ec2-incident"), arn("public-notice")].sort());
  });

  it("DescribeAffectedAccountsForOrganization: accounts for ACCOUNT_SPECIFIC, none for PUBLIC, NONE for unknown", async () => {
    const { client, arn } = await start();
    const lifecycle = await client.send(new DescribeAffectedAccountsForOrganizationCommand({ eventArn: arn("lifecycle") }));
    expect(lifecycle).toMatchObject({ affectedAccounts: [MANAGEMENT, MEMBER], eventScopeCode: "ACCOUNT_SPECIFIC" });
    expect(lifecycle.nextToken).toBeUndefined();
    await expect(client.send(new DescribeAffectedAccountsForOrganizationCommand({ eventArn: arn("ec2-incident") }))).resolves.toMatchObject({ affectedAccounts: [], eventScopeCode: "PUBLIC" });
    await expect(client.send(new DescribeAffectedAccountsForOrganizationCommand({ eventArn: "arn:aws:health:us-east-1::event/X/Y/Z" }))).resolves.toMatchObject({ affectedAccounts: [], eventScopeCode: "NONE" });
  });

  it("DescribeEventDetailsForOrganization applies the PUBLIC / ACCOUNT_SPECIFIC / support plan rules per item", async () => {
    const { client, arn } = await start();
    const unknown = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/UNKNOWN";
    const result = await client.send(
      new DescribeEventDetailsForOrganizationCommand({
        organizationEventDetailFilters: [
          { eventArn: arn("ec2-incident") },
          { eventArn: arn("ec2-incident"), awsAccountId: MANAGEMENT },
          { eventArn: arn("retirement") },
          { eventArn: arn("retirement"), awsAccountId: MANAGEMENT },
          { eventArn: arn("retirement"), awsAccountId: MEMBER },
          { eventArn: arn("no-plan-event"), awsAccountId: NO_PLAN },
          { eventArn: unknown },
        ],
      }),
    );
    expect(result.successfulSet?.map((item) => [item.event?.arn, item.awsAccountId])).toEqual([
      [arn("ec2-incident"), undefined],
      [arn("retirement"), MANAGEMENT],
    ]);
    expect(result.successfulSet?.[1]?.eventDescription?.latestDescription).toContain("\n\n");
    expect(result.failedSet?.map((item) => [item.eventArn, item.awsAccountId, item.errorMessage])).toEqual([
      [arn("ec2-incident"), MANAGEMENT, FAILED_SET_MESSAGES.accountEventNotFound],
      [arn("retirement"), undefined, FAILED_SET_MESSAGES.publicEventNotFound],
      [arn("retirement"), MEMBER, FAILED_SET_MESSAGES.accountEventNotFound],
      [arn("no-plan-event"), NO_PLAN, FAILED_SET_MESSAGES.noSupportPlan],
      [unknown, undefined, FAILED_SET_MESSAGES.publicEventNotFound],
    ]);
    expect(result.failedSet?.[3]?.errorName).toBe("SubscriptionRequiredException");
  });

  it("DescribeAffectedEntitiesForOrganization pages across accounts and reports accounts without a plan in failedSet", async () => {
    const { client, arn } = await start();
    const entities: AffectedEntity[] = [];
    const failed: unknown[] = [];
    const pages = paginateDescribeAffectedEntitiesForOrganization(
      { client, pageSize: 100 },
      { organizationEntityAccountFilters: [{ eventArn: arn("lifecycle") }, { eventArn: arn("no-plan-event") }] },
    );
    for await (const page of pages) {
      entities.push(...(page.entities ?? []));
      failed.push(...(page.failedSet ?? []));
    }
    expect(entities).toHaveLength(250);
    expect(new Set(entities.map((entity) => entity.awsAccountId))).toEqual(new Set([MANAGEMENT, MEMBER]));
    expect(failed).toEqual([{ awsAccountId: NO_PLAN, eventArn: arn("no-plan-event"), errorName: "SubscriptionRequiredException", errorMessage: FAILED_SET_MESSAGES.noSupportPlan }]);
    const resolved = await client.send(
      new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters: [{ eventArn: arn("lifecycle"), awsAccountId: MEMBER, statusCodes: ["RESOLVED"] }], maxResults: 100 }),
    );
    expect(resolved.entities).toHaveLength(25);
    expect(resolved.failedSet).toEqual([]);
    const deprecated = await client.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityFilters: [{ eventArn: arn("ec2-incident") }] }));
    expect(deprecated.entities?.map((entity) => entity.awsAccountId).sort()).toEqual([MANAGEMENT, MEMBER]);
    const unknown = await client.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters: [{ eventArn: "arn:aws:health:x::event/A/B/C" }] }));
    expect(unknown.failedSet?.[0]).toMatchObject({ eventArn: "arn:aws:health:x::event/A/B/C", errorName: "EventNotFoundException" });
  });

  it("DescribeEntityAggregatesForOrganization counts per event and per account", async () => {
    const { client, arn } = await start();
    const all = await client.send(new DescribeEntityAggregatesForOrganizationCommand({ eventArns: [arn("lifecycle"), "arn:aws:health:x::event/A/B/C"] }));
    expect(all.organizationEntityAggregates).toEqual([
      {
        eventArn: arn("lifecycle"),
        count: 250,
        statuses: { PENDING: 200, RESOLVED: 50 },
        accounts: [
          { accountId: MANAGEMENT, count: 125, statuses: { PENDING: 100, RESOLVED: 25 } },
          { accountId: MEMBER, count: 125, statuses: { PENDING: 100, RESOLVED: 25 } },
        ],
      },
    ]);
    const member = await client.send(new DescribeEntityAggregatesForOrganizationCommand({ eventArns: [arn("lifecycle")], awsAccountIds: [MEMBER] }));
    expect(member.organizationEntityAggregates?.[0]).toMatchObject({ count: 125, accounts: [{ accountId: MEMBER }] });
  });
});
