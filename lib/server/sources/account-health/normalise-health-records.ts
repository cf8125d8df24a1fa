import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { SdkAffectedEntity, SdkEvent, SdkEventDetails } from "@/lib/server/sources/account-health/health-sdk-schemas";

/** The API model's own word for "status not known"; used when an entity comes without statusCode. */
export const MISSING_ENTITY_STATUS = "UNKNOWN";

/**
 * One Health API event (from a listing, optionally completed by its details) as a record.
 * Fields the API left out stay null/empty so the store keeps what it knew.
 */
export function toAccountEventRecord(listed: SdkEvent, details: SdkEventDetails | null, accountId: string | null): AccountEventRecord | null {
  const detailed = details?.event ?? null;
  const pick = <K extends keyof SdkEvent>(key: K): SdkEvent[K] => (detailed?.[key] ?? null) ?? listed[key];
  const arn = pick("arn");
  if (!arn) return null;
  return {
    arn,
    accountId,
    service: pick("service") ?? "",
    eventTypeCode: pick("eventTypeCode") ?? "",
    category: pick("eventTypeCategory") ?? "",
    region: pick("region"),
    availabilityZone: pick("availabilityZone"),
    status: pick("statusCode") ?? "",
    scope: pick("eventScopeCode"),
    startTime: pick("startTime"),
    endTime: pick("endTime"),
    lastUpdatedTime: pick("lastUpdatedTime"),
    description: details?.eventDescription ?? null,
    metadata: details?.eventMetadata ?? null,
    actionability: pick("actionability"),
    personas: pick("personas"),
    origin: "api",
  };
}

/** Entities are attributed by their own eventArn; `fallbackEventArn` covers a missing one when it is unambiguous. */
export function toAffectedEntityRecord(entity: SdkAffectedEntity, fallbackEventArn: string | null, fallbackAccountId: string | null): AffectedEntityRecord | null {
  const eventArn = entity.eventArn ?? fallbackEventArn;
  if (!eventArn) return null;
  return {
    eventArn,
    accountId: entity.awsAccountId ?? fallbackAccountId,
    entityArn: entity.entityArn,
    entityValue: entity.entityValue ?? entity.entityArn ?? "",
    entityUrl: entity.entityUrl,
    status: entity.statusCode ?? MISSING_ENTITY_STATUS,
    lastUpdatedTime: entity.lastUpdatedTime,
    metadata: entity.entityMetadata ?? {},
  };
}
