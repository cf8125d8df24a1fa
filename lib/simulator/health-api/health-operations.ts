import type { OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import { describeAffectedEntities, describeEntityAggregates } from "@/lib/simulator/health-api/operations/describe-affected-entities";
import {
  describeAffectedAccountsForOrganization,
  describeAffectedEntitiesForOrganization,
} from "@/lib/simulator/health-api/operations/describe-affected-for-organization";
import { describeEventDetails } from "@/lib/simulator/health-api/operations/describe-event-details";
import { describeEventDetailsForOrganization } from "@/lib/simulator/health-api/operations/describe-event-details-for-organization";
import { describeEventTypes } from "@/lib/simulator/health-api/operations/describe-event-types";
import { describeEventAggregates, describeEvents, describeEventsForOrganization } from "@/lib/simulator/health-api/operations/describe-events";
import {
  describeEntityAggregatesForOrganization,
  describeHealthServiceStatusForOrganization,
  disableHealthServiceAccessForOrganization,
  enableHealthServiceAccessForOrganization,
} from "@/lib/simulator/health-api/operations/describe-organization-aggregates";

export const TARGET_PREFIX = "AWSHealth_20160804.";

export const HEALTH_OPERATIONS = [
  "DescribeEvents",
  "DescribeEventDetails",
  "DescribeAffectedEntities",
  "DescribeEntityAggregates",
  "DescribeEventAggregates",
  "DescribeEventTypes",
  "DescribeEventsForOrganization",
  "DescribeEventDetailsForOrganization",
  "DescribeAffectedAccountsForOrganization",
  "DescribeAffectedEntitiesForOrganization",
  "DescribeEntityAggregatesForOrganization",
  "DescribeHealthServiceStatusForOrganization",
  "EnableHealthServiceAccessForOrganization",
  "DisableHealthServiceAccessForOrganization",
] as const;
export type HealthOperation = (typeof HEALTH_OPERATIONS)[number];

export const OPERATION_HANDLERS: Record<HealthOperation, OperationHandler> = {
  DescribeEvents: describeEvents,
  DescribeEventDetails: describeEventDetails,
  DescribeAffectedEntities: describeAffectedEntities,
  DescribeEntityAggregates: describeEntityAggregates,
  DescribeEventAggregates: describeEventAggregates,
  DescribeEventTypes: describeEventTypes,
  DescribeEventsForOrganization: describeEventsForOrganization,
  DescribeEventDetailsForOrganization: describeEventDetailsForOrganization,
  DescribeAffectedAccountsForOrganization: describeAffectedAccountsForOrganization,
  DescribeAffectedEntitiesForOrganization: describeAffectedEntitiesForOrganization,
  DescribeEntityAggregatesForOrganization: describeEntityAggregatesForOrganization,
  DescribeHealthServiceStatusForOrganization: describeHealthServiceStatusForOrganization,
  EnableHealthServiceAccessForOrganization: enableHealthServiceAccessForOrganization,
  DisableHealthServiceAccessForOrganization: disableHealthServiceAccessForOrganization,
};

/** Organization data operations: they need the organizational view ENABLED and the management account. */
export const ORGANIZATION_DATA_OPERATIONS: ReadonlySet<HealthOperation> = new Set([
  "DescribeEventsForOrganization",
  "DescribeEventDetailsForOrganization",
  "DescribeAffectedAccountsForOrganization",
  "DescribeAffectedEntitiesForOrganization",
  "DescribeEntityAggregatesForOrganization",
]);

/** Matches the operation name case-sensitively, as AWS does; returns null for anything else. */
export function parseTarget(target: string | undefined): HealthOperation | null {
  if (target === undefined || !target.startsWith(TARGET_PREFIX)) return null;
  const name = target.slice(TARGET_PREFIX.length);
  return HEALTH_OPERATIONS.find((operation) => operation === name) ?? null;
}
