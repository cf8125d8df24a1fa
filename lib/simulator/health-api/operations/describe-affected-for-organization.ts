import type { HealthEntity, HealthEvent } from "@/lib/simulator/account-world";
import { FAILED_SET_MESSAGES, HealthApiError } from "@/lib/simulator/health-api/health-api-errors";
import { checkLocale, pageRequestFor, withNextToken, type OperationContext, type OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import {
  describeAffectedAccountsForOrganizationInputSchema,
  describeAffectedEntitiesForOrganizationInputSchema,
} from "@/lib/simulator/health-api/health-api-inputs";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import { renderEntity, type WireObject } from "@/lib/simulator/health-api/render-health-shapes";

/** PUBLIC → no accounts; ACCOUNT_SPECIFIC → the affected accounts; unknown ARN → scope NONE. */
export const describeAffectedAccountsForOrganization: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeAffectedAccountsForOrganizationInputSchema, raw, context.names.validation);
  const event = context.world.events.get(input.eventArn);
  const accounts = event?.scope === "ACCOUNT_SPECIFIC" ? [...event.accounts].sort() : [];
  const page = context.paginator.page(accounts, pageRequestFor("DescribeAffectedAccountsForOrganization", input, context));
  return withNextToken({ affectedAccounts: page.items, eventScopeCode: event?.scope ?? "NONE" }, page.nextToken);
};

interface EntityRequest {
  eventArn: string;
  awsAccountId?: string;
  statusCodes?: string[];
}

/**
 * Entities of up to 10 (event, account?) filters, in filter order. Accounts without a support plan, and unknown
 * events, go to failedSet, which is sent with the first page only (boto treats it as a non-aggregated key).
 */
export const describeAffectedEntitiesForOrganization: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeAffectedEntitiesForOrganizationInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const filters: EntityRequest[] | undefined = input.organizationEntityAccountFilters ?? input.organizationEntityFilters;
  if (!filters || (input.organizationEntityAccountFilters && input.organizationEntityFilters)) {
    throw new HealthApiError(context.names.validation, "Exactly one of organizationEntityAccountFilters and organizationEntityFilters must be specified.");
  }
  const result = context.cache.remember(["org-entities", filters], context.world, () => collectEntities(context, filters));
  const request = pageRequestFor("DescribeAffectedEntitiesForOrganization", input, context);
  const page = context.paginator.page(result.entities, request);
  const body: WireObject = { entities: page.items.map((entity) => renderEntity(entity, context.render)) };
  if (context.paginator.offsetOf(request) === 0) body.failedSet = result.failedSet;
  return withNextToken(body, page.nextToken);
};

function collectEntities(context: OperationContext, filters: readonly EntityRequest[]) {
  const entities: HealthEntity[] = [];
  const failedSet: WireObject[] = [];
  const hasPlan = (accountId: string) => context.world.accounts.find((account) => account.id === accountId)?.supportPlan ?? true;
  for (const filter of filters) {
    const event = context.world.events.get(filter.eventArn);
    if (!event) {
      failedSet.push(failure(filter.eventArn, filter.awsAccountId, context.names.eventNotFound, FAILED_SET_MESSAGES.notFound));
      continue;
    }
    const statuses = filter.statusCodes ? new Set(filter.statusCodes) : null;
    const accounts = filter.awsAccountId !== undefined ? [filter.awsAccountId] : affectedAccounts(event);
    for (const accountId of accounts.filter((account) => !hasPlan(account))) {
      failedSet.push(failure(event.arn, accountId, context.names.supportPlanRequired, FAILED_SET_MESSAGES.noSupportPlan));
    }
    const wanted = new Set(accounts.filter(hasPlan));
    for (const entity of event.entities) {
      if (!wanted.has(entity.awsAccountId)) continue;
      if (statuses !== null && (entity.statusCode === null || !statuses.has(entity.statusCode))) continue;
      entities.push(entity);
    }
  }
  return { entities, failedSet };
}

function affectedAccounts(event: HealthEvent): string[] {
  return [...new Set([...event.accounts, ...event.entities.map((entity) => entity.awsAccountId)])].sort();
}

function failure(eventArn: string, awsAccountId: string | undefined, errorName: string, errorMessage: string): WireObject {
  return { ...(awsAccountId !== undefined ? { awsAccountId } : {}), eventArn, errorName, errorMessage };
}
