import { parseScenario } from "@/lib/simulator/load-scenario";
import type { Scenario, ScenarioAction } from "@/lib/simulator/scenario-schema";

export interface AccountBenchScenarioOptions {
  /** Health events in the world, e.g. 2,000. */
  events: number;
  /** Affected entities across all events, e.g. 100,000. */
  entities: number;
  /** Entities of the first event (the rest share the remainder evenly), e.g. 50,000; default an even share. */
  largestEventEntities?: number;
  /** Account ids (entities are spread across them); default ["123456789012"]. */
  accounts?: string[];
  regions?: string[];
  /** Clock-stamped steps after the initial one, each updating `churn` events' descriptions. */
  liveSteps?: number;
  churn?: number;
}

export interface AccountBenchEvent {
  id: string;
  category: string;
  status: string;
  entities: number;
}

export interface AccountBenchScenario {
  scenario: Scenario;
  /** In opening order; the first is the largest when largestEventEntities is set. */
  events: AccountBenchEvent[];
  totalEntities: number;
}

const KINDS = [
  { service: "EC2", code: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", statuses: ["IMPAIRED", "UNIMPAIRED"] },
  { service: "LAMBDA", code: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", category: "scheduledChange", statuses: ["PENDING", "RESOLVED"] },
  { service: "RDS", code: "AWS_RDS_MAINTENANCE_SCHEDULED", category: "scheduledChange", statuses: ["PENDING", "RESOLVED"] },
  { service: "EBS", code: "AWS_EBS_VOLUME_ATTACHMENT_ISSUE", category: "issue", statuses: ["IMPAIRED", "UNIMPAIRED"] },
  { service: "BILLING", code: "AWS_BILLING_NOTIFICATION", category: "accountNotification", statuses: ["UNKNOWN", "UNKNOWN"] },
] as const;
const DEFAULT_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "global"];

/**
 * One step (an hour ago) opens every event with generated entities; about a third of the issues are closed.
 * Building 2,000 events with 100,000 entities takes well under a second: entities are generated, not listed.
 */
export function generateAccountBenchScenario(options: AccountBenchScenarioOptions): AccountBenchScenario {
  const count = Math.max(1, options.events);
  const accounts = options.accounts ?? ["123456789012"];
  const regions = options.regions ?? DEFAULT_REGIONS;
  const largest = options.largestEventEntities === undefined ? null : Math.min(options.largestEventEntities, options.entities);
  const sizes = distribute(options.entities, count, largest);
  const events: AccountBenchEvent[] = [];
  const actions: ScenarioAction[] = [];
  sizes.forEach((size, index) => {
    const kind = KINDS[(index + 1) % KINDS.length] ?? KINDS[0];
    const id = `bench-account-${index}`;
    const closed = kind.category === "issue" && index % 3 === 0;
    const status = kind.category === "scheduledChange" ? "upcoming" : "open";
    actions.push({
      type: "open-account-event",
      id,
      accounts,
      service: kind.service,
      eventTypeCode: kind.code,
      category: kind.category,
      region: regions[index % regions.length] ?? "us-east-1",
      status,
      startOffset: kind.category === "scheduledChange" ? 86_400 * (1 + (index % 30)) : -600 - index,
      description: `Benchmark event ${index}: ${kind.code} affecting ${size} resources.`,
      ...(size > 0
        ? { generate: { count: size, statuses: { [kind.statuses[0]]: Math.ceil(size / 2) }, status: kind.statuses[1], valuePrefix: `${kind.service.toLowerCase()}-${index}-` } }
        : {}),
    });
    if (closed) actions.push({ type: "close-account-event", id, description: `Benchmark event ${index} is resolved.` });
    events.push({ id, category: kind.category, status: closed ? "closed" : status, entities: size });
  });
  const steps: Scenario["steps"] = [{ label: "initial account events", at: -3_600, actions }];
  const churn = Math.max(1, Math.min(count, options.churn ?? 10));
  for (let live = 0; live < (options.liveSteps ?? 0); live += 1) {
    const updates = Array.from({ length: churn }, (_, offset): ScenarioAction => {
      const id = `bench-account-${(live * churn + offset) % count}`;
      return { type: "update-account-event", id, description: `Live update ${live + 1} of ${id}.` };
    });
    steps.push({ label: `live ${live + 1}`, actions: updates });
  }
  const scenario = parseScenario(
    { name: `bench-account-${count}`, description: "Generated account-health benchmark scenario", accounts: accounts.map((id, index) => ({ id, management: index === 0 })), steps },
    "account bench",
  );
  return { scenario, events, totalEntities: sizes.reduce((sum, size) => sum + size, 0) };
}

function distribute(total: number, events: number, largest: number | null): number[] {
  const rest = largest === null ? total : total - largest;
  const shared = largest === null ? events : events - 1;
  const base = shared > 0 ? Math.floor(rest / shared) : 0;
  const extra = shared > 0 ? rest % shared : 0;
  const sizes = Array.from({ length: shared }, (_, index) => base + (index < extra ? 1 : 0));
  return largest === null ? sizes : [largest + (shared === 0 ? rest : 0), ...sizes];
}
