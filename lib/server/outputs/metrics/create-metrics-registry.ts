import { Gauge, Registry } from "prom-client";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { HubStats } from "@/lib/server/hub/create-stream-hub";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { readMetricsSnapshot, type MetricsSnapshot, type Sample } from "@/lib/server/outputs/metrics/read-metrics-snapshot";

/** What a scrape reads besides the store: injected so the registry holds no hub of its own. */
export interface MetricsInputs {
  runtime: HealthdeckRuntime;
  version: string;
  readStreamStats(): HubStats | null;
}

export interface MetricsRegistry {
  registry: Registry;
  /** The text exposition, computed now (store figures cached per store version and source states). */
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
  };
  runtime.pollMetrics.registerOn(registry);

  let cached: { key: string; snapshot: Promise<MetricsSnapshot> } | null = null;
  const readSnapshot = (sources: SourceHealth[]) => {
    // Statuses change with the store and, through the sources' states, with the clock.
    const key = `${runtime.store.version}|${sources.map((source) => source.state).join(",")}`;
    if (cached?.key !== key) {
      const snapshot = readMetricsSnapshot(runtime, sources, withAccount);
      cached = { key, snapshot };
      snapshot.catch(() => {
        if (cached?.snapshot === snapshot) cached = null;
      });
    }
    return cached.snapshot;
  };

  async function update(): Promise<void> {
    const now = runtime.now();
    const sources = await listSourceHealth(runtime, now);
    const snapshot = await readSnapshot(sources);
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
