import { isSecurityEventCode } from "@/lib/shared/account-health-contract";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { summariseServiceStatuses } from "@/lib/server/services/judge-service-statuses";
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

const REGION_GLOBAL = "global";

function countBy(keys: Iterable<{ labels: Record<string, string>; count: number }>): Sample[] {
  const counts = new Map<string, Sample>();
  for (const { labels, count } of keys) {
    const id = JSON.stringify(labels);
    const sample = counts.get(id);
    if (sample) sample.value += count;
    else counts.set(id, { labels, value: count });
  }
  return [...counts.values()];
}

/**
 * Counts, not records: the store groups account events itself and the board's statuses are judged without the board
 * (no sorting, no account correlation), so a scrape after a change stays cheap at the full catalogue.
 */
export async function readMetricsSnapshot(runtime: HealthdeckRuntime, sources: readonly SourceHealth[], withAccountLabel: boolean): Promise<MetricsSnapshot> {
  const { store } = runtime;
  const [openPublic, accountCounts, scheduledStarts, deliveryCounts] = await Promise.all([
    store.events.listOpen(),
    store.accountEvents.countActiveEvents(),
    store.accountEvents.listScheduledChangeStarts(),
    store.outbox.countByStatus(),
  ]);
  const services = summariseServiceStatuses(runtime.getCatalog(), runtime.scope, openPublic, sources);
  const accountLabel = (accountId: string | null): Record<string, string> => (withAccountLabel ? { account: accountId ?? "unknown" } : {});
  const open = accountCounts.filter((group) => group.status === "open");
  const upcoming = accountCounts.filter((group) => group.category === "scheduledChange" && group.status === "upcoming");
  return {
    impairedServices: services.impaired.map((service) => ({ labels: { service: service.service, region: service.region ?? REGION_GLOBAL, status: service.status }, value: 1 })),
    servicesByStatus: [...services.countsByStatus].map(([status, value]) => ({ labels: { status }, value })),
    openPublicEvents: countBy(openPublic.map((event) => ({ labels: { service: event.service, region: event.region ?? REGION_GLOBAL }, count: 1 }))),
    openAccountEvents: countBy(open.map((group) => ({ labels: { category: group.category, service: group.service, region: group.region ?? REGION_GLOBAL, ...accountLabel(group.accountId) }, count: group.count }))),
    upcomingScheduledChanges: countBy(upcoming.map((group) => ({ labels: { service: group.service, region: group.region ?? REGION_GLOBAL, ...accountLabel(group.accountId) }, count: group.count }))),
    openSecurityEvents: countBy(open.filter((group) => isSecurityEventCode(group.eventTypeCode, group.service)).map((group) => ({ labels: accountLabel(group.accountId), count: group.count }))),
    scheduledStarts,
    deliveries: (Object.entries(deliveryCounts) as [DeliveryStatus, number][]).map(([status, value]) => ({ labels: { status }, value })),
  };
}
