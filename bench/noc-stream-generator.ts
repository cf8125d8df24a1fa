import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { HealthStatus } from "@/lib/shared/health-status";
import type { PublicEvent, ServiceStatus, SourceHealth } from "@/lib/shared/public-status-contract";
import { streamChangeSchema, streamSnapshotSchema, type StreamChange, type StreamSnapshot } from "@/lib/shared/stream-contract";

/**
 * A bench-only source of stream traffic for the wall: the same event names and payload schemas as
 * GET /api/v1/stream, generated as fast as the browser takes them. It cycles a fixed set of ids (services
 * flip between statuses and disappear, account events open and close, public events gain updates), so
 * what a correct page holds is the same size after 100 changes as after 5,000.
 */

const SERVICES = 30;
const PUBLIC_EVENTS = 8;
const ACCOUNT_EVENTS = 40;
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"] as const;
const SERVICE_NAMES = ["ec2", "rds", "lambda", "dynamodb", "s3", "sqs"] as const;
const STATUS_CYCLE: readonly HealthStatus[] = ["degraded", "disrupted", "informational", "degraded"];
/**
 * Changes after which the generated world is back where it was: services repeat every 2 rounds of 30,
 * account events every 2 × 40 changes, public events' update counts every 4 rounds (lcm 60, 80, 120).
 */
export const WALL_STREAM_CYCLE = 240;
const CATEGORIES = ["issue", "investigation", "scheduledChange", "issue"] as const;

export interface WallStreamGenerator {
  /** `hello` with the given build id (the page's own, so it never reloads). */
  hello(): string;
  snapshot(): string;
  /** `count` change events, each validated against the stream contract. */
  changes(count: number): string;
  /** a change that shows `marker` as an open account event and drops the previous marker */
  marker(marker: string): string;
  readonly version: number;
  /** changes generated so far */
  readonly step: number;
}

const sse = (name: string, data: unknown, id?: number) => `${id === undefined ? "" : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

function source(id: string, label: string, at: string): SourceHealth {
  return { id, label, state: "ok", lastSuccessAt: at, lastAttemptAt: at, error: null, intervalSeconds: 60 };
}

function service(index: number, step: number, at: string): ServiceStatus {
  const name = SERVICE_NAMES[index % SERVICE_NAMES.length] ?? "ec2";
  const region = REGIONS[index % REGIONS.length] ?? "us-east-1";
  return { key: `${name}${index}-${region}`, service: `${name}${index}`, region, name: `Bench ${name.toUpperCase()} ${index}`, status: STATUS_CYCLE[step % STATUS_CYCLE.length] ?? "degraded", since: at, account: null };
}

function publicEvent(index: number, step: number, at: string): PublicEvent {
  const key = `${SERVICE_NAMES[index % SERVICE_NAMES.length]}${index}-${REGIONS[index % REGIONS.length]}`;
  const updates = Array.from({ length: 1 + (step % 4) }, (_, update) => ({
    at,
    status: "degraded" as const,
    summary: `Increased error rates (update ${update + 1})`,
    message: `We are investigating increased error rates for requests in this region. Step ${step}.`,
  }));
  return { id: `bench-public-${index}`, arn: null, key, service: key.split("-")[0] ?? key, region: REGIONS[index % REGIONS.length] ?? null, name: "Bench service", status: "degraded", summary: `Increased error rates, step ${step}`, resolved: false, startedAt: at, endedAt: null, updates, impactedServices: [], accountImpact: null };
}

function accountEvent(index: number, step: number, at: string, id = `bench-account-${index}`): AccountEvent {
  const category = CATEGORIES[index % CATEGORIES.length] ?? "issue";
  const isOpen = step % 2 === 0;
  const status = isOpen ? (category === "scheduledChange" ? "upcoming" : "open") : "closed";
  const start = category === "scheduledChange" ? new Date(Date.parse(at) + (index + 1) * 3600_000).toISOString() : at;
  return {
    id,
    arn: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_BENCH/${id}`,
    accountId: "111122223333",
    service: "EC2",
    eventTypeCode: category === "scheduledChange" ? "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED" : index % 9 === 0 ? "AWS_RISK_CREDENTIALS_EXPOSED" : "AWS_EC2_OPERATIONAL_ISSUE",
    category,
    region: REGIONS[index % REGIONS.length] ?? null,
    availabilityZone: null,
    status,
    scope: "ACCOUNT_SPECIFIC",
    startTime: start,
    endTime: isOpen ? null : at,
    lastUpdatedTime: at,
    description: `Bench event ${index}, step ${step}: a description of the size AWS writes, `.padEnd(400, "x"),
    entityCounts: { total: 3 + (step % 5), byStatus: { PENDING: 3 + (step % 5) } },
    actionability: null,
    personas: ["OPERATIONS"],
    metadata: {},
    origins: ["eventbridge"],
    isSecurity: index % 9 === 0,
  };
}

export function createWallStreamGenerator(buildId: string): WallStreamGenerator {
  let version = 1;
  let step = 0;
  let lastMarker: string | null = null;
  const now = () => new Date().toISOString();

  function nextChange(): StreamChange {
    version += 1;
    step += 1;
    const at = now();
    const slot = step % SERVICES;
    const round = Math.floor(step / SERVICES);
    const change: StreamChange = { version, generatedAt: at };
    switch (step % 4) {
      case 0:
        // a service leaves the problem list every other round, and comes back worse or better
        if (round % 2 === 1) change.removedServiceKeys = [service(slot, round, at).key];
        else change.services = [service(slot, round, at)];
        break;
      case 1:
        change.accountEvents = [accountEvent(step % ACCOUNT_EVENTS, Math.floor(step / ACCOUNT_EVENTS), at)];
        break;
      case 2:
        change.events = [publicEvent(step % PUBLIC_EVENTS, round, at)];
        break;
      default:
        change.sources = [source("public-currentevents", "AWS public events", at), source("public-rss", "AWS RSS feeds", at), source("public-catalog", "AWS service catalogue", at)];
        change.accountSources = [source("account-health", "Your AWS accounts (Health API)", at)];
    }
    return streamChangeSchema.parse(change);
  }

  return {
    hello: () => sse("hello", { buildId, serverTime: now(), heartbeatSeconds: 20 }),
    snapshot() {
      const at = now();
      const snapshot: StreamSnapshot = streamSnapshotSchema.parse({
        version,
        status: {
          generatedAt: at,
          simulated: true,
          sources: [source("public-currentevents", "AWS public events", at), source("public-rss", "AWS RSS feeds", at), source("public-catalog", "AWS service catalogue", at)],
          services: Array.from({ length: SERVICES }, (_, index) => service(index, 0, at)),
          events: Array.from({ length: PUBLIC_EVENTS }, (_, index) => publicEvent(index, 0, at)),
        },
        account: { sources: [source("account-health", "Your AWS accounts (Health API)", at)], events: Array.from({ length: ACCOUNT_EVENTS }, (_, index) => accountEvent(index, 0, at)) },
      });
      return sse("snapshot", snapshot, version);
    },
    changes(count) {
      let text = "";
      for (let index = 0; index < count; index += 1) {
        const change = nextChange();
        text += sse("change", change, change.version);
      }
      return text;
    },
    marker(marker) {
      version += 1;
      const at = now();
      const change = streamChangeSchema.parse({
        version,
        generatedAt: at,
        accountEvents: [accountEvent(1, 0, at, marker)],
        ...(lastMarker === null ? {} : { removedAccountEventIds: [lastMarker] }),
      });
      lastMarker = marker;
      return sse("change", change, version);
    },
    get version() {
      return version;
    },
    get step() {
      return step;
    },
  };
}
