import { Gauge, Registry } from "prom-client";
import type { HubStats } from "@/lib/server/hub/create-stream-hub";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { keepMetricsSnapshot } from "@/lib/server/outputs/metrics/keep-metrics-snapshot";
import type { Sample } from "@/lib/server/outputs/metrics/read-metrics-snapshot";

/** What a scrape reads besides the store: injected so the registry holds no hub of its own. */
export interface MetricsInputs {
  runtime: HealthdeckRuntime;
  version: string;
  readStreamStats(): HubStats | null;
}

export interface MetricsRegistry {
  registry: Registry;
  /** The text exposition, computed now (the store figures from the last snapshot, see keep-metrics-snapshot.ts). */
  render(): Promise<string>;
}

const toSeconds = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso) / 1000);

function fill(gauge: Gauge<string>, samples: readonly Sample[]): void {
  gauge.reset();
  for (const sample of samples) gauge.set(sample.labels, sample.value);
}

/** A registry of its own (no default Node metrics: their `_total` gauges make `promtool check metrics` fail). */
export function createMetricsRegistry(inputs: MetricsInputs): MetricsRegistry {
  const { runtime } = inputs;
  const withAccount = runtime.config.HEALTHDECK_METRICS_ACCOUNT_LABEL === "on";
  const account = withAccount ? ["account"] : [];
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const g = {
    build: gauge("healthdeck_build_info", "Healthdeck's version and the Node.js running it; always 1.", ["version", "node_version"]),
    serviceStatus: gauge("healthdeck_service_status", "1 for the current status of a public service-region; services not listed are operational.", ["service", "region", "status"]),
    services: gauge("healthdeck_services", "Public service-regions in scope, by current status.", ["status"]),
    publicEvents: gauge("healthdeck_public_events_open", "Open public AWS events, by service and region.", ["service", "region"]),
    accountEvents: gauge("healthdeck_account_events_open", "Open events of your accounts, by category, service and region.", ["category", "service", "region", ...account]),
    scheduled: gauge("healthdeck_scheduled_changes_upcoming", "Upcoming scheduled changes of your accounts, by service and region.", ["service", "region", ...account]),
    nextScheduled: gauge("healthdeck_scheduled_change_next_seconds", "Seconds until the next upcoming scheduled change starts (absent when none is announced)."),
    security: gauge("healthdeck_security_events_open", "Open security events of your accounts (AWS_RISK_*, abuse, security notifications).", account),
    sourceSuccess: gauge("healthdeck_source_last_success_timestamp_seconds", "When a source last polled successfully (Unix time); absent before its first success.", ["source"]),
    sourceAttempt: gauge("healthdeck_source_last_attempt_timestamp_seconds", "When a source was last polled (Unix time).", ["source"]),
    sourceState: gauge("healthdeck_source_state", "1 for a source's current state (ok, stale, error, disabled, unavailable).", ["source", "state"]),
    deliveries: gauge("healthdeck_notification_deliveries", "Notification deliveries in the outbox, by status (queued, sent, failed, expired).", ["status"]),
    streamClients: gauge("healthdeck_stream_clients", "Open live-update streams (browser tabs, wall screens) on this process."),
    streamScopes: gauge("healthdeck_stream_scopes", "Distinct filters served by this process's streams."),
    role: gauge("healthdeck_replica_role", "1 for this process's role: single (SQLite), leader or follower (PostgreSQL).", ["role"]),
    pollerRunning: gauge("healthdeck_poller_running", "1 while this process polls AWS (only one process per deployment does)."),
    snapshotAge: gauge("healthdeck_metrics_snapshot_age_seconds", "How old this scrape's store figures are: 0 when they show the store's latest change, else seconds since the first change they do not show yet (they are rebuilt in the background)."),
  };
  runtime.pollMetrics.registerOn(registry);

  // Created with the registry (at the first scrape): from then on the store's changes rebuild it in the background.
  const keeper = keepMetricsSnapshot(runtime, withAccount);

  async function update(): Promise<void> {
    const now = runtime.now();
    const sources = await listSourceHealth(runtime, now);
    const { snapshot, ageSeconds } = await keeper.read(sources);
    fill(g.snapshotAge, [{ labels: {}, value: ageSeconds }]);
    fill(g.build, [{ labels: { version: inputs.version, node_version: process.version }, value: 1 }]);
    fill(g.serviceStatus, snapshot.impairedServices);
    fill(g.services, snapshot.servicesByStatus);
    fill(g.publicEvents, snapshot.openPublicEvents);
    fill(g.accountEvents, snapshot.openAccountEvents);
    fill(g.scheduled, snapshot.upcomingScheduledChanges);
    const next = snapshot.scheduledStarts.find((start) => start > now);
    fill(g.nextScheduled, next === undefined ? [] : [{ labels: {}, value: (next - now) / 1000 }]);
    fill(g.security, snapshot.openSecurityEvents.length === 0 && !withAccount ? [{ labels: {}, value: 0 }] : snapshot.openSecurityEvents);
    fill(g.sourceSuccess, sources.filter((source) => source.lastSuccessAt !== null).map((source) => ({ labels: { source: source.id }, value: toSeconds(source.lastSuccessAt) })));
    fill(g.sourceAttempt, sources.filter((source) => source.lastAttemptAt !== null).map((source) => ({ labels: { source: source.id }, value: toSeconds(source.lastAttemptAt) })));
    fill(g.sourceState, sources.map((source) => ({ labels: { source: source.id, state: source.state }, value: 1 })));
    fill(g.deliveries, snapshot.deliveries);
    const stream = inputs.readStreamStats();
    fill(g.streamClients, [{ labels: {}, value: stream?.subscribers ?? 0 }]);
    fill(g.streamScopes, [{ labels: {}, value: stream?.scopes ?? 0 }]);
    fill(g.role, [{ labels: { role: runtime.store.coordinator.role }, value: 1 }]);
    fill(g.pollerRunning, [{ labels: {}, value: runtime.poller.isRunning ? 1 : 0 }]);
  }

  return {
    registry,
    async render() {
      await update();
      return registry.metrics();
    },
  };
}
