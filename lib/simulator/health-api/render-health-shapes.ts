import type { HealthEntity, HealthEvent } from "@/lib/simulator/account-world";

/** Wire shapes: absent optionals are omitted (never null), timestamps are fractional epoch seconds. */

export const NEWER_FIELDS = ["eventScopeCode", "actionability", "personas", "entityMetadata", "entityUrl"] as const;
export type NewerField = (typeof NEWER_FIELDS)[number];

export const DRIFT_FIELDS = ["eventTypeCategory", "statusCode", "eventScopeCode", "actionability", "personas", "entityStatusCode"] as const;
export type DriftField = (typeof DRIFT_FIELDS)[number];

/** What the unknown-enum switch emits instead of (personas: in addition to) the real value. */
export const UNKNOWN_ENUM_VALUES: Record<DriftField, string> = {
  eventTypeCategory: "simulatedFutureCategory",
  statusCode: "simulatedFutureStatus",
  eventScopeCode: "SIMULATED_FUTURE_SCOPE",
  actionability: "SIMULATED_FUTURE_ACTIONABILITY",
  personas: "SIMULATED_FUTURE_PERSONA",
  entityStatusCode: "SIMULATED_FUTURE_STATUS",
};

export interface RenderOptions {
  omit: ReadonlySet<NewerField>;
  drift: ReadonlySet<DriftField>;
}

export type WireObject = Record<string, unknown>;

export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

export function renderEvent(event: HealthEvent, options: RenderOptions, forOrganization = false): WireObject {
  const drifted = <T>(field: DriftField, value: T) => (options.drift.has(field) ? UNKNOWN_ENUM_VALUES[field] : value);
  const wire: WireObject = {
    arn: event.arn,
    service: event.service,
    eventTypeCode: event.eventTypeCode,
    eventTypeCategory: drifted("eventTypeCategory", event.eventTypeCategory),
    region: event.region,
  };
  if (!forOrganization && event.availabilityZone !== null) wire.availabilityZone = event.availabilityZone;
  wire.startTime = toEpochSeconds(event.startMs);
  if (event.endMs !== null) wire.endTime = toEpochSeconds(event.endMs);
  wire.lastUpdatedTime = toEpochSeconds(event.lastUpdatedMs);
  wire.statusCode = drifted("statusCode", event.statusCode);
  if (!options.omit.has("eventScopeCode")) wire.eventScopeCode = drifted("eventScopeCode", event.scope);
  if (event.actionability !== null && !options.omit.has("actionability")) wire.actionability = drifted("actionability", event.actionability);
  if (event.personas !== null && !options.omit.has("personas")) {
    wire.personas = options.drift.has("personas") ? [...event.personas, UNKNOWN_ENUM_VALUES.personas] : [...event.personas];
  }
  return wire;
}

export function renderEventDetails(event: HealthEvent, options: RenderOptions, forOrganization = false): WireObject {
  const details: WireObject = {
    event: renderEvent(event, options, forOrganization),
    eventDescription: { latestDescription: event.description },
  };
  if (event.metadata !== null) details.eventMetadata = { ...event.metadata };
  return details;
}

export function renderEntity(entity: HealthEntity, options: RenderOptions): WireObject {
  const wire: WireObject = { entityArn: entity.entityArn, eventArn: entity.eventArn, entityValue: entity.entityValue };
  if (entity.entityUrl !== null && !options.omit.has("entityUrl")) wire.entityUrl = entity.entityUrl;
  wire.awsAccountId = entity.awsAccountId;
  wire.lastUpdatedTime = toEpochSeconds(entity.lastUpdatedMs);
  if (entity.statusCode !== null) {
    wire.statusCode = options.drift.has("entityStatusCode") ? UNKNOWN_ENUM_VALUES.entityStatusCode : entity.statusCode;
  }
  if (entity.metadata !== null && !options.omit.has("entityMetadata")) wire.entityMetadata = { ...entity.metadata };
  return wire;
}

/** `count` includes entities without a status; `statuses` only counts the ones that have one. */
export function countStatuses(entities: readonly HealthEntity[]): { count: number; statuses: Record<string, number> } {
  const statuses: Record<string, number> = {};
  for (const entity of entities) {
    if (entity.statusCode === null) continue;
    statuses[entity.statusCode] = (statuses[entity.statusCode] ?? 0) + 1;
  }
  return { count: entities.length, statuses };
}
