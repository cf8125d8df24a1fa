import type { HealthEntity } from "@/lib/simulator/account-world";
import { checkLocale, pageRequestFor, withNextToken, type OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import { describeAffectedEntitiesInputSchema, describeEntityAggregatesInputSchema } from "@/lib/simulator/health-api/health-api-inputs";
import { inAnyRange, isVisibleTo, visibleEntities } from "@/lib/simulator/health-api/match-event-filter";
import { accountView, findVisibleEvent } from "@/lib/simulator/health-api/operations/list-events";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import { countStatuses, renderEntity } from "@/lib/simulator/health-api/render-health-shapes";

/** The caller's entities of up to 10 events, in the order of the ARNs given; unknown ARNs contribute nothing. */
export const describeAffectedEntities: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeAffectedEntitiesInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const { filter } = input;
  const view = accountView(context);
  const entities = context.cache.remember(["entities", context.caller.id, filter], context.world, () => {
    const arns = filter.entityArns ? new Set(filter.entityArns) : null;
    const values = filter.entityValues ? new Set(filter.entityValues) : null;
    const statuses = filter.statusCodes ? new Set<string>(filter.statusCodes) : null;
    const matches = (entity: HealthEntity) =>
      (arns === null || arns.has(entity.entityArn)) &&
      (values === null || values.has(entity.entityValue)) &&
      (statuses === null || (entity.statusCode !== null && statuses.has(entity.statusCode))) &&
      inAnyRange(filter.lastUpdatedTimes, entity.lastUpdatedMs);
    return [...new Set(filter.eventArns)].flatMap((arn) => {
      const event = findVisibleEvent(context, view, arn);
      return event ? visibleEntities(event, view).filter(matches) : [];
    });
  });
  const page = context.paginator.page(entities, pageRequestFor("DescribeAffectedEntities", input, context));
  return withNextToken({ entities: page.items.map((entity) => renderEntity(entity, context.render)) }, page.nextToken);
};

/** Counts by status for up to 50 events (all of the caller's events with entities when none are named); not paginated. */
export const describeEntityAggregates: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEntityAggregatesInputSchema, raw, context.names.validation);
  const view = accountView(context);
  const events = input.eventArns
    ? [...new Set(input.eventArns)].flatMap((arn) => findVisibleEvent(context, view, arn) ?? [])
    : [...context.world.events.values()].filter((event) => isVisibleTo(event, view) && visibleEntities(event, view).length > 0);
  const entityAggregates = events.map((event) => ({ eventArn: event.arn, ...countStatuses(visibleEntities(event, view)) }));
  return { entityAggregates };
};
