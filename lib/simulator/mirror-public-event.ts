import type { AccountImpact } from "@/lib/simulator/account-scenario-schema";
import { addEntities, stampMs } from "@/lib/simulator/apply-account-action";
import { ensureAccount, managementAccountId, type AccountWorld, type HealthEvent } from "@/lib/simulator/account-world";
import type { SimEvent } from "@/lib/simulator/world-state";

/**
 * A public incident with `accountImpact` is also a PUBLIC Health API event with the same ARN (as on AWS), whose
 * latestDescription is the running log: headline, then `[hh:mm AM PDT] message` per update, oldest first.
 */

export function mirrorPublicOpen(world: AccountWorld, source: SimEvent, impact: AccountImpact): void {
  world.version += 1;
  const [, service = "UNKNOWN", typeCode = "UNKNOWN"] = /event\/([^/]+)\/([^/]+)\//.exec(source.arn) ?? [];
  const atMs = stampMs(source.date, source.arn);
  const accounts = impact.accounts ?? [];
  for (const account of accounts) ensureAccount(world, account);
  const event: HealthEvent = {
    id: source.id,
    arn: source.arn,
    service: impact.service ?? service,
    eventTypeCode: impact.eventTypeCode ?? typeCode,
    eventTypeCategory: impact.category ?? "issue",
    region: source.region,
    availabilityZone: null,
    startMs: atMs,
    endMs: null,
    lastUpdatedMs: atMs,
    statusCode: "open",
    scope: "PUBLIC",
    accounts,
    description: describePublicEvent(source),
    metadata: impact.metadata ?? null,
    actionability: impact.actionability ?? null,
    personas: impact.personas ?? ["OPERATIONS"],
    entities: [],
    publicEventId: source.id,
  };
  world.events.set(event.arn, event);
  world.idToArn.set(source.id, event.arn);
  addEntities(world, event, impact, [managementAccountId(world)], atMs);
}

/** After an update or resolution of the public event: new description, lastUpdatedTime, and closed with endTime. */
export function mirrorPublicChange(world: AccountWorld, source: SimEvent): void {
  const event = world.events.get(source.arn);
  if (!event || event.publicEventId !== source.id) return;
  world.version += 1;
  const latest = source.log.at(-1)?.timestamp ?? source.date;
  event.description = describePublicEvent(source);
  event.lastUpdatedMs = Math.max(event.lastUpdatedMs + 1, stampMs(latest, source.arn));
  if (source.endTime !== null) {
    event.statusCode = "closed";
    event.endMs = stampMs(source.endTime, `${source.arn}|end`);
  }
}

/** The expired public event keeps its closed Health event (retained for 90 days); the id is free again. */
export function releasePublicMirror(world: AccountWorld, source: SimEvent): void {
  if (world.idToArn.get(source.id) === source.arn) world.idToArn.delete(source.id);
}

const PACIFIC_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  hour: "2-digit",
  minute: "2-digit",
  hour12: true,
  timeZoneName: "short",
});

function describePublicEvent(source: SimEvent): string {
  const entries = source.log.map((entry) => {
    const parts = new Map(PACIFIC_CLOCK.formatToParts(new Date(entry.timestamp * 1000)).map((part) => [part.type, part.value]));
    const clock = `${parts.get("hour") ?? ""}:${parts.get("minute") ?? ""} ${(parts.get("dayPeriod") ?? "").toUpperCase()} ${parts.get("timeZoneName") ?? ""}`;
    return `[${clock}] ${entry.message}`;
  });
  return [source.summary, ...entries].join("\n\n");
}
