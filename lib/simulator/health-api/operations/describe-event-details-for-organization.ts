import type { HealthEvent } from "@/lib/simulator/account-world";
import { FAILED_SET_MESSAGES } from "@/lib/simulator/health-api/health-api-errors";
import { checkLocale, type OperationContext, type OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import { describeEventDetailsForOrganizationInputSchema } from "@/lib/simulator/health-api/health-api-inputs";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import { renderEventDetails, type WireObject } from "@/lib/simulator/health-api/render-health-shapes";

/**
 * Per filter: a PUBLIC event must come without awsAccountId, an ACCOUNT_SPECIFIC one with an affected account that
 * has a support plan; anything else lands in failedSet with AWS's documented messages.
 */
export const describeEventDetailsForOrganization: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEventDetailsForOrganizationInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const successfulSet: WireObject[] = [];
  const failedSet: WireObject[] = [];
  for (const filter of input.organizationEventDetailFilters) {
    const outcome = resolveDetail(context, context.world.events.get(filter.eventArn) ?? null, filter.awsAccountId);
    const account = filter.awsAccountId !== undefined ? { awsAccountId: filter.awsAccountId } : {};
    if ("event" in outcome) successfulSet.push({ ...account, ...renderEventDetails(outcome.event, context.render, true) });
    else failedSet.push({ ...account, eventArn: filter.eventArn, ...outcome });
  }
  return { successfulSet, failedSet };
};

type DetailOutcome = { event: HealthEvent } | { errorName: string; errorMessage: string };

function resolveDetail(context: OperationContext, event: HealthEvent | null, accountId: string | undefined): DetailOutcome {
  const failed = (errorName: string, errorMessage: string) => ({ errorName, errorMessage });
  if (accountId === undefined) {
    return event?.scope === "PUBLIC" ? { event } : failed(context.names.eventNotFound, FAILED_SET_MESSAGES.publicEventNotFound);
  }
  if (!event || event.scope === "PUBLIC" || !event.accounts.includes(accountId)) {
    return failed(context.names.eventNotFound, FAILED_SET_MESSAGES.accountEventNotFound);
  }
  const account = context.world.accounts.find((candidate) => candidate.id === accountId);
  if (account && !account.supportPlan) return failed(context.names.supportPlanRequired, FAILED_SET_MESSAGES.noSupportPlan);
  return { event };
}
