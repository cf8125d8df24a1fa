import {
  DescribeAffectedAccountsForOrganizationCommand,
  DescribeAffectedEntitiesForOrganizationCommand,
  DescribeEventDetailsForOrganizationCommand,
} from "@aws-sdk/client-health";
import { callHealth, paginate, type HealthCallContext } from "@/lib/server/sources/account-health/call-health";
import {
  parseEach,
  sdkAffectedEntitySchema,
  sdkEventDetailsSchema,
  sdkFailedItemSchema,
  type SdkAffectedEntity,
  type SdkEventDetails,
  type SdkFailedItem,
} from "@/lib/server/sources/account-health/health-sdk-schemas";
import { HEALTH_LIMITS } from "@/lib/server/sources/account-health/plan-batches";

/** One (event, account) of the org view; accountId null = a PUBLIC event, asked without awsAccountId. */
export interface OrgEventPair {
  arn: string;
  accountId: string | null;
}

const toFilter = (pair: OrgEventPair) => (pair.accountId === null ? { eventArn: pair.arn } : { eventArn: pair.arn, awsAccountId: pair.accountId });

function assertFilterCount(operation: string, count: number): void {
  if (count === 0 || count > HEALTH_LIMITS.filtersPerOrgCall) throw new Error(`${operation} takes 1 to 10 filters, not ${count}`);
}

/** All affected accounts of one event (10–100 per page), and the scope the API reports for it. */
export async function fetchAffectedAccounts(context: HealthCallContext, eventArn: string): Promise<{ accounts: string[]; scope: string | null }> {
  const accounts: string[] = [];
  let scope: string | null = null;
  await paginate(async (nextToken) => {
    const output = await callHealth(context, "DescribeAffectedAccountsForOrganization", (client, options) =>
      client.send(new DescribeAffectedAccountsForOrganizationCommand({ eventArn, maxResults: HEALTH_LIMITS.pageSize, nextToken }), options),
    );
    for (const account of output.affectedAccounts ?? []) if (typeof account === "string" && account) accounts.push(account);
    scope ??= output.eventScopeCode ?? null;
    return output.nextToken;
  });
  return { accounts: [...new Set(accounts)], scope };
}

export async function fetchOrgEventDetails(context: HealthCallContext, pairs: readonly OrgEventPair[]): Promise<{ successful: SdkEventDetails[]; failed: SdkFailedItem[]; dropped: number }> {
  assertFilterCount("DescribeEventDetailsForOrganization", pairs.length);
  const output = await callHealth(context, "DescribeEventDetailsForOrganization", (client, options) =>
    client.send(new DescribeEventDetailsForOrganizationCommand({ organizationEventDetailFilters: pairs.map(toFilter) }), options),
  );
  const successful = parseEach(sdkEventDetailsSchema, output.successfulSet);
  const failed = parseEach(sdkFailedItemSchema, output.failedSet);
  return { successful: successful.items, failed: failed.items, dropped: successful.dropped + failed.dropped };
}

/** Entities of ≤10 (event, account) filters, paged at 100 to the end; failedSet items are passed on. */
export async function fetchOrgAffectedEntities(
  context: HealthCallContext,
  pairs: readonly OrgEventPair[],
  onPage: (entities: SdkAffectedEntity[], failed: SdkFailedItem[], dropped: number) => void,
): Promise<number> {
  assertFilterCount("DescribeAffectedEntitiesForOrganization", pairs.length);
  const organizationEntityAccountFilters = pairs.map(toFilter);
  return paginate(async (nextToken) => {
    const output = await callHealth(context, "DescribeAffectedEntitiesForOrganization", (client, options) =>
      client.send(new DescribeAffectedEntitiesForOrganizationCommand({ organizationEntityAccountFilters, maxResults: HEALTH_LIMITS.pageSize, nextToken }), options),
    );
    const entities = parseEach(sdkAffectedEntitySchema, output.entities);
    const failed = parseEach(sdkFailedItemSchema, output.failedSet);
    onPage(entities.items, failed.items, entities.dropped + failed.dropped);
    return output.nextToken;
  });
}
