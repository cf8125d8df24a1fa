import { HealthApiError } from "@/lib/simulator/health-api/health-api-errors";
import type { OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import { describeEntityAggregatesForOrganizationInputSchema, emptyInputSchema } from "@/lib/simulator/health-api/health-api-inputs";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import { countStatuses } from "@/lib/simulator/health-api/render-health-shapes";

/** Counts by status per event and per account (optionally only some accounts); unknown ARNs are left out. */
export const describeEntityAggregatesForOrganization: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEntityAggregatesForOrganizationInputSchema, raw, context.names.validation);
  const wanted = input.awsAccountIds ? new Set(input.awsAccountIds) : null;
  const organizationEntityAggregates = [...new Set(input.eventArns)].flatMap((arn) => {
    const event = context.world.events.get(arn);
    if (!event) return [];
    const entities = wanted === null ? event.entities : event.entities.filter((entity) => wanted.has(entity.awsAccountId));
    const accountIds = [...new Set(entities.map((entity) => entity.awsAccountId))].sort();
    const accounts = accountIds.map((accountId) => ({
      accountId,
      ...countStatuses(entities.filter((entity) => entity.awsAccountId === accountId)),
    }));
    return [{ eventArn: arn, ...countStatuses(entities), accounts }];
  });
  return { organizationEntityAggregates };
};

export const describeHealthServiceStatusForOrganization: OperationHandler = (raw, context) => {
  parseHealthInput(emptyInputSchema, raw, context.names.validation);
  return { healthServiceAccessStatusForOrganization: context.org.status() };
};

/** Only the management account may change the organizational view. */
function requireManagement(context: Parameters<OperationHandler>[1]): void {
  if (!context.caller.management) {
    throw new HealthApiError("AccessDeniedException", `Account ${context.caller.id} is not the management account of its organization.`);
  }
}

export const enableHealthServiceAccessForOrganization: OperationHandler = (raw, context) => {
  parseHealthInput(emptyInputSchema, raw, context.names.validation);
  requireManagement(context);
  context.org.enable();
  return null;
};

export const disableHealthServiceAccessForOrganization: OperationHandler = (raw, context) => {
  parseHealthInput(emptyInputSchema, raw, context.names.validation);
  requireManagement(context);
  context.org.disable();
  return null;
};
