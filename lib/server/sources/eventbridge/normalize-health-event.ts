import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { HealthEventDetail, HealthEventEnvelope } from "@/lib/server/sources/eventbridge/eventbridge-event-schema";

/** One validated `aws.health` delivery, normalised: one page of one communication about one event. */
export interface NormalizedHealthEvent {
  /** EventBridge's event id (differs between a primary and its backup copy) */
  envelopeId: string;
  detailType: string;
  /** the account whose bus received it (management/delegated-admin account in org setups) */
  receivingAccount: string;
  /** EventBridge delivery region, not the impacted region */
  deliveryRegion: string | null;
  /** as sent, with its `-<page>` suffix; derived from the envelope for legacy events without one */
  communicationId: string;
  /** the communication id without the page suffix: what all pages and backup copies share */
  communicationBase: string;
  page: number;
  totalPages: number;
  isBackup: boolean;
  record: AccountEventRecord & { accountId: string };
  entities: AffectedEntityRecord[];
}

export function normalizeHealthEvent(envelope: HealthEventEnvelope, nowMs: number): NormalizedHealthEvent {
  const { detail } = envelope;
  const accountId = detail.affectedAccount || envelope.account;
  const page = detail.page ?? 1;
  const totalPages = Math.max(detail.totalPages ?? 1, page);
  const { communicationId, communicationBase } = splitCommunicationId(detail.communicationId, page, envelope);

  return {
    envelopeId: envelope.id,
    detailType: envelope["detail-type"],
    receivingAccount: envelope.account,
    deliveryRegion: envelope.region,
    communicationId,
    communicationBase,
    page,
    totalPages,
    isBackup: detail.backupEvent,
    record: {
      arn: detail.eventArn,
      accountId,
      service: detail.service,
      eventTypeCode: detail.eventTypeCode,
      category: detail.eventTypeCategory,
      region: detail.eventRegion ?? readArnRegion(detail.eventArn),
      availabilityZone: detail.availabilityZone,
      status: detail.statusCode ?? inferStatus(detail.endTime, nowMs),
      scope: detail.eventScopeCode,
      startTime: detail.startTime,
      endTime: detail.endTime,
      lastUpdatedTime: detail.lastUpdatedTime,
      description: pickDescription(detail.eventDescription),
      metadata: detail.eventMetadata,
      actionability: detail.actionability,
      personas: typeof detail.personas === "string" ? [detail.personas] : (detail.personas ?? null),
      origin: "eventbridge",
    },
    entities: (detail.affectedEntities ?? []).map((entity) => ({
      eventArn: detail.eventArn,
      accountId: entity.awsAccountId ?? accountId,
      entityArn: entity.entityArn,
      entityValue: entity.entityValue,
      entityUrl: entity.entityUrl,
      status: entity.status ?? entity.statusCode ?? "UNKNOWN",
      lastUpdatedTime: entity.lastUpdatedTime ?? entity.lastUpdatedtime,
      metadata: entity.entityMetadata ?? {},
    })),
  };
}

/**
 * AWS appends `-<page>` to communication ids, even for one page. Legacy events carry none: the
 * envelope id and time identify them (EventBridge keeps both on redelivery).
 */
export function splitCommunicationId(
  communicationId: string | null,
  page: number,
  envelope: { id: string; time: number | null },
): { communicationId: string; communicationBase: string } {
  if (communicationId === null) {
    const base = `eventbridge:${envelope.id}@${envelope.time ?? ""}`;
    return { communicationId: `${base}-${page}`, communicationBase: base };
  }
  const suffix = `-${page}`;
  const hasSuffix = communicationId.endsWith(suffix) && communicationId.length > suffix.length;
  return { communicationId, communicationBase: hasSuffix ? communicationId.slice(0, -suffix.length) : communicationId };
}

type Descriptions = HealthEventDetail["eventDescription"];

function pickDescription(descriptions: Descriptions): string | null {
  if (!descriptions) return null;
  const list = Array.isArray(descriptions) ? descriptions : [descriptions];
  const chosen = list.find((item) => item.language?.toLowerCase().replace("-", "_") === "en_us") ?? list[0];
  return chosen ? chosen.latestDescription : null;
}

/** Legacy events have no statusCode: an event with a past end is over, anything else is open. */
function inferStatus(endTime: number | null, nowMs: number): string {
  return endTime !== null && endTime <= nowMs ? "closed" : "open";
}

/** `arn:aws:health:<event-region>::event/…` names the event's region; used only when eventRegion is absent. */
function readArnRegion(arn: string): string | null {
  const region = /^arn:[^:]+:health:([a-z0-9-]*):/.exec(arn)?.[1];
  return region ? region : null;
}
