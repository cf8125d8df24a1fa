import { z } from "zod";
import { ACTIONABILITIES, ENTITY_STATUSES, EVENT_CATEGORIES, EVENT_STATUSES, PERSONAS } from "@/lib/simulator/account-scenario-schema";

/** Operation inputs with the constraints of the AWS Health service model (botocore 2016-08-04, 2026-02). */

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1).max(max);
const eventArn = z.string().max(1_600);
const eventTypeCode = z.string().regex(/^[^:/]{3,100}$/);
const service = z.string().regex(/^[^:/]{2,30}$/);
const region = z.string().regex(/^[^:/]{2,25}$/);
const availabilityZone = z.string().regex(/^[a-z]{2,4}-[0-9a-z-]{4,16}$/);
const entityArn = z.string().max(1_600);
const entityValue = z.string().max(1_224);
const accountId = z.string().max(12).regex(/^\S+$/);
const timestamp = z.number();
const dateTimeRange = z.object({ from: timestamp.optional(), to: timestamp.optional() });
const tagSet = z.record(z.string().max(127), z.string().max(255));
const locale = z.string().min(2).max(256);
const nextToken = z.string();
const maxResults = (min: number, max: number) => z.number().int().min(min).max(max);

const categories = list(z.enum(EVENT_CATEGORIES), 10);
const eventStatuses = list(z.enum(EVENT_STATUSES), 6);
const actionabilities = list(z.enum(ACTIONABILITIES), 3);
const personas = list(z.enum(PERSONAS), 3);
const entityStatuses = list(z.enum(ENTITY_STATUSES), 5);

export const eventFilterSchema = z.object({
  actionabilities: actionabilities.optional(),
  eventArns: list(eventArn, 10).optional(),
  eventTypeCodes: list(eventTypeCode, 10).optional(),
  services: list(service, 10).optional(),
  regions: list(region, 10).optional(),
  availabilityZones: z.array(availabilityZone).optional(),
  startTimes: list(dateTimeRange, 10).optional(),
  endTimes: list(dateTimeRange, 10).optional(),
  lastUpdatedTimes: list(dateTimeRange, 10).optional(),
  entityArns: list(entityArn, 99).optional(),
  entityValues: list(entityValue, 99).optional(),
  eventTypeCategories: categories.optional(),
  tags: z.array(tagSet).max(50).optional(),
  eventStatusCodes: eventStatuses.optional(),
  personas: personas.optional(),
});
export type EventFilterInput = z.infer<typeof eventFilterSchema>;

export const organizationEventFilterSchema = z.object({
  actionabilities: actionabilities.optional(),
  eventTypeCodes: list(eventTypeCode, 10).optional(),
  awsAccountIds: list(accountId, 50).optional(),
  services: list(service, 10).optional(),
  regions: list(region, 10).optional(),
  startTime: dateTimeRange.optional(),
  endTime: dateTimeRange.optional(),
  lastUpdatedTime: dateTimeRange.optional(),
  entityArns: list(entityArn, 99).optional(),
  entityValues: list(entityValue, 99).optional(),
  eventTypeCategories: categories.optional(),
  eventStatusCodes: eventStatuses.optional(),
  personas: personas.optional(),
});
export type OrganizationEventFilterInput = z.infer<typeof organizationEventFilterSchema>;

export const describeEventsInputSchema = z.object({
  filter: eventFilterSchema.optional(),
  nextToken: nextToken.optional(),
  maxResults: maxResults(1, 100).optional(),
  locale: locale.optional(),
});

export const describeEventDetailsInputSchema = z.object({ eventArns: list(eventArn, 10), locale: locale.optional() });

export const describeAffectedEntitiesInputSchema = z.object({
  filter: z.object({
    eventArns: list(eventArn, 10),
    entityArns: list(entityArn, 99).optional(),
    entityValues: list(entityValue, 99).optional(),
    lastUpdatedTimes: list(dateTimeRange, 10).optional(),
    tags: z.array(tagSet).max(50).optional(),
    statusCodes: entityStatuses.optional(),
  }),
  locale: locale.optional(),
  nextToken: nextToken.optional(),
  maxResults: maxResults(1, 100).optional(),
});

export const describeEntityAggregatesInputSchema = z.object({ eventArns: list(eventArn, 50).optional() });

export const describeEventAggregatesInputSchema = z.object({
  filter: eventFilterSchema.optional(),
  aggregateField: z.enum(["eventTypeCategory"]),
  maxResults: maxResults(10, 100).optional(),
  nextToken: nextToken.optional(),
});

export const describeEventTypesInputSchema = z.object({
  filter: z
    .object({
      eventTypeCodes: list(eventTypeCode, 10).optional(),
      services: list(service, 10).optional(),
      eventTypeCategories: categories.optional(),
      actionabilities: actionabilities.optional(),
      personas: personas.optional(),
    })
    .optional(),
  locale: locale.optional(),
  nextToken: nextToken.optional(),
  maxResults: maxResults(10, 100).optional(),
});

export const describeEventsForOrganizationInputSchema = z.object({
  filter: organizationEventFilterSchema.optional(),
  nextToken: nextToken.optional(),
  maxResults: maxResults(1, 100).optional(),
  locale: locale.optional(),
});

export const describeEventDetailsForOrganizationInputSchema = z.object({
  organizationEventDetailFilters: list(z.object({ eventArn, awsAccountId: accountId.optional() }), 10),
  locale: locale.optional(),
});

export const describeAffectedAccountsForOrganizationInputSchema = z.object({
  eventArn,
  nextToken: nextToken.optional(),
  maxResults: maxResults(10, 100).optional(),
});

export const describeAffectedEntitiesForOrganizationInputSchema = z.object({
  organizationEntityFilters: list(z.object({ eventArn, awsAccountId: accountId.optional() }), 10).optional(),
  organizationEntityAccountFilters: list(
    z.object({ eventArn, awsAccountId: accountId.optional(), statusCodes: entityStatuses.optional() }),
    10,
  ).optional(),
  locale: locale.optional(),
  nextToken: nextToken.optional(),
  maxResults: maxResults(1, 100).optional(),
});

export const describeEntityAggregatesForOrganizationInputSchema = z.object({
  eventArns: list(eventArn, 25),
  awsAccountIds: list(accountId, 25).optional(),
});

export const emptyInputSchema = z.object({});
