import { checkLocale, pageRequestFor, withNextToken, type OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import {
  describeEventAggregatesInputSchema,
  describeEventsForOrganizationInputSchema,
  describeEventsInputSchema,
} from "@/lib/simulator/health-api/health-api-inputs";
import { criteriaFromEventFilter, criteriaFromOrganizationFilter } from "@/lib/simulator/health-api/match-event-filter";
import { accountView, listEvents, organizationView } from "@/lib/simulator/health-api/operations/list-events";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import { renderEvent } from "@/lib/simulator/health-api/render-health-shapes";

export const describeEvents: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEventsInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const events = listEvents(context, accountView(context), criteriaFromEventFilter(input.filter));
  const page = context.paginator.page(events, pageRequestFor("DescribeEvents", input, context));
  return withNextToken({ events: page.items.map((event) => renderEvent(event, context.render)) }, page.nextToken);
};

export const describeEventsForOrganization: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEventsForOrganizationInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const view = organizationView(input.filter?.awsAccountIds);
  const events = listEvents(context, view, criteriaFromOrganizationFilter(input.filter));
  const page = context.paginator.page(events, pageRequestFor("DescribeEventsForOrganization", input, context));
  return withNextToken({ events: page.items.map((event) => renderEvent(event, context.render, true)) }, page.nextToken);
};

/** Counts of the filtered events by category ("If no filter is specified, the counts of all events in each category"). */
export const describeEventAggregates: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEventAggregatesInputSchema, raw, context.names.validation);
  const counts = new Map<string, number>();
  for (const event of listEvents(context, accountView(context), criteriaFromEventFilter(input.filter))) {
    counts.set(event.eventTypeCategory, (counts.get(event.eventTypeCategory) ?? 0) + 1);
  }
  const aggregates = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([aggregateValue, count]) => ({ aggregateValue, count }));
  const page = context.paginator.page(aggregates, pageRequestFor("DescribeEventAggregates", input, context));
  return withNextToken({ eventAggregates: page.items }, page.nextToken);
};
