import type { HealthStatus } from "@/lib/shared/health-status";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import type { DeliveryStatus } from "@/lib/server/store/contract/outbox-contract";

/** One labelled value of a gauge family. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** What the store says, reduced to the metrics' bounded label sets once per store version. */
export interface MetricsSnapshot {
  /** services whose status is not operational (an absent service is operational) */
  impairedServices: Sample[];
  servicesByStatus: Sample[];
  openPublicEvents: Sample[];
  openAccountEvents: Sample[];
  upcomingScheduledChanges: Sample[];
  openSecurityEvents: Sample[];
  /** epoch ms of upcoming scheduled changes' starts, ascending */
  scheduledStarts: number[];
  deliveries: Sample[];
}

const ACCOUNT_EVENTS_LIMIT = 50_000;
const REGION_GLOBAL = "global";

function countBy(keys: Iterable<Record<string, string>>): Sample[] {
  const counts = new Map<string, Sample>();
  for (const labels of keys) {
    const id = JSON.stringify(labels);
    const sample = counts.get(id);
    if (sample) sample.value += 1;
    else counts.set(id, { labels, value: 1 });
  }
  return [...counts.values()];
}

export async function readMetricsSnapshot(runtime: HealthdeckRuntime, board: StatusResponse, withAccountLabel: boolean): Promise<MetricsSnapshot> {
  const { store } = runtime;
  const [openPublic, accountEvents, deliveryCounts] = await Promise.all([
    store.events.listOpen(),
    store.accountEvents.listEvents({ categories: [], statuses: ["open", "upcoming"], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: ACCOUNT_EVENTS_LIMIT }),
    store.outbox.countByStatus(),
  ]);
  const statusCounts = new Map<HealthStatus, number>();
  for (const service of board.services) statusCounts.set(service.status, (statusCounts.get(service.status) ?? 0) + 1);
  const accountLabel = (accountId: string | null): Record<string, string> => (withAccountLabel ? { account: accountId ?? "unknown" } : {});
  const open = accountEvents.filter((event) => event.status === "open");
  const upcoming = accountEvents.filter((event) => event.category === "scheduledChange" && event.status === "upcoming");
  return {
    impairedServices: board.services
      .filter((service) => service.status !== "operational")
      .map((service) => ({ labels: { service: service.service, region: service.region ?? REGION_GLOBAL, status: service.status }, value: 1 })),
    servicesByStatus: [...statusCounts].map(([status, value]) => ({ labels: { status }, value })),
    openPublicEvents: countBy(openPublic.map((event) => ({ service: event.service, region: event.region ?? REGION_GLOBAL }))),
    openAccountEvents: countBy(open.map((event) => ({ category: event.category, service: event.service, region: event.region ?? REGION_GLOBAL, ...accountLabel(event.accountId) }))),
    upcomingScheduledChanges: countBy(upcoming.map((event) => ({ service: event.service, region: event.region ?? REGION_GLOBAL, ...accountLabel(event.accountId) }))),
    openSecurityEvents: countBy(open.filter((event) => event.isSecurity).map((event) => accountLabel(event.accountId))),
    scheduledStarts: upcoming
      .map((event) => (event.startTime === null ? Number.NaN : Date.parse(event.startTime)))
      .filter((start) => Number.isFinite(start))
      .sort((a, b) => a - b),
    deliveries: (Object.entries(deliveryCounts) as [DeliveryStatus, number][]).map(([status, value]) => ({ labels: { status }, value })),
  };
}
