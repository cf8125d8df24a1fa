/**
 * EventBridge `aws.health` events for the wall benchmarks, posted to the app's real ingest endpoint
 * (POST /api/v1/ingest/eventbridge), so every one goes through validation, the store and the stream.
 */

export interface WallHealthEvent {
  /** unique per event; the ARN is derived from it */
  key: string;
  eventTypeCode: string;
  category: "issue" | "scheduledChange" | "accountNotification" | "investigation";
  service: string;
  region: string;
  status: "open" | "closed" | "upcoming";
  startMs: number;
  lastUpdatedMs: number;
  account?: string;
  description?: string;
  entities?: number;
}

export const NOC_BENCH_ACCOUNT = "111122223333";

const toHttpDate = (ms: number) => new Date(ms).toUTCString();

/** One event in the shape AWS sends (dates as RFC 1123 text, like AWS's samples). */
export function buildHealthEnvelope(event: WallHealthEvent, envelopeId: string): Record<string, unknown> {
  const account = event.account ?? NOC_BENCH_ACCOUNT;
  return {
    version: "0",
    id: envelopeId,
    "detail-type": "AWS Health Event",
    source: "aws.health",
    account,
    time: new Date(event.lastUpdatedMs).toISOString(),
    region: event.region,
    resources: [],
    detail: {
      eventArn: `arn:aws:health:${event.region}::event/${event.service}/${event.eventTypeCode}/${event.key}`,
      service: event.service,
      eventTypeCode: event.eventTypeCode,
      eventTypeCategory: event.category,
      eventScopeCode: "ACCOUNT_SPECIFIC",
      startTime: toHttpDate(event.startMs),
      lastUpdatedTime: toHttpDate(event.lastUpdatedMs),
      ...(event.status === "closed" ? { endTime: toHttpDate(event.lastUpdatedMs) } : {}),
      statusCode: event.status,
      eventRegion: event.region,
      eventDescription: [{ language: "en_US", latestDescription: event.description ?? `${event.eventTypeCode} in ${event.region}` }],
      affectedEntities: Array.from({ length: event.entities ?? 1 }, (_, index) => ({
        entityValue: `arn:aws:${event.service.toLowerCase()}:${event.region}:${account}:resource/${event.key}-${index}`,
        status: event.status === "closed" ? "RESOLVED" : "PENDING",
      })),
      affectedAccount: account,
    },
  };
}

let envelopeCounter = 0;

/** Posts events to the app; throws with the server's message when it refuses them. */
export async function postHealthEvents(appUrl: string, token: string, events: readonly WallHealthEvent[]): Promise<void> {
  const body = events.map((event) => {
    envelopeCounter += 1;
    return buildHealthEnvelope(event, `noc-bench-${process.pid}-${envelopeCounter}`);
  });
  const response = await fetch(`${appUrl}/api/v1/ingest/eventbridge`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`ingest answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

/** A wall's worth of account events: a security event, open issues and scheduled changes, relative to `now`. */
export function buildWallScene(now: number): WallHealthEvent[] {
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  return [
    { key: "sec-1", eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED", category: "issue", service: "RISK", region: "us-east-1", status: "open", startMs: now - 42 * minute, lastUpdatedMs: now - 40 * minute },
    { key: "iss-1", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", service: "EC2", region: "us-east-1", status: "open", startMs: now - 3 * hour, lastUpdatedMs: now - 12 * minute, entities: 14 },
    { key: "iss-2", eventTypeCode: "AWS_EBS_VOLUME_ATTACHMENT_ISSUE", category: "issue", service: "EBS", region: "eu-west-1", status: "open", startMs: now - 5 * hour, lastUpdatedMs: now - 50 * minute, entities: 3, account: "444455556666" },
    { key: "iss-3", eventTypeCode: "AWS_LAMBDA_OPERATIONAL_ISSUE", category: "investigation", service: "LAMBDA", region: "us-east-1", status: "open", startMs: now - 30 * minute, lastUpdatedMs: now - 5 * minute },
    { key: "sch-1", eventTypeCode: "AWS_RDS_MAINTENANCE_SCHEDULED", category: "scheduledChange", service: "RDS", region: "eu-central-1", status: "upcoming", startMs: now + 47 * minute, lastUpdatedMs: now - day, entities: 2, account: "444455556666" },
    { key: "sch-2", eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", category: "scheduledChange", service: "EC2", region: "us-east-1", status: "upcoming", startMs: now + 3 * day + 4 * hour, lastUpdatedMs: now - 2 * day },
    { key: "sch-3", eventTypeCode: "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", category: "scheduledChange", service: "EC2", region: "eu-west-1", status: "upcoming", startMs: now + 12 * day, lastUpdatedMs: now - day, account: "444455556666" },
    { key: "sch-4", eventTypeCode: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", category: "scheduledChange", service: "LAMBDA", region: "us-west-2", status: "open", startMs: now + 61 * day, lastUpdatedMs: now - day, entities: 40 },
  ];
}
