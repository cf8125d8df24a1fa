import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { ACCOUNT_HEALTH_SOURCE_ID, ACCOUNT_HEALTH_SOURCE_LABEL } from "@/lib/server/sources/account-health/account-health-settings";
import type { SourceId } from "@/lib/server/sources/source-adapter";
import { judgeSourceState } from "@/lib/server/services/judge-source-state";

interface SourceDescription {
  id: SourceId;
  label: string;
  intervalSeconds: number;
}

export function describePublicSources(runtime: HealthdeckRuntime): SourceDescription[] {
  const { config } = runtime;
  return [
    { id: "public-currentevents", label: "AWS public events", intervalSeconds: config.HEALTHDECK_PUBLIC_POLL_SECONDS },
    { id: "public-rss", label: "AWS RSS feeds", intervalSeconds: config.HEALTHDECK_RSS_POLL_SECONDS },
    { id: "public-catalog", label: "AWS service catalogue", intervalSeconds: config.HEALTHDECK_CATALOG_POLL_SECONDS },
  ];
}

const toIso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * ok: the last attempt succeeded recently. error: the last attempt failed (last good data kept).
 * stale: no success yet, or none for well over an interval (a stuck or stopped poller).
 */
export async function getSourceHealth(runtime: HealthdeckRuntime, source: SourceDescription, nowMs: number): Promise<SourceHealth> {
  const row = await runtime.store.sources.get(source.id);
  const base = {
    id: source.id,
    label: source.label,
    intervalSeconds: source.intervalSeconds,
    lastSuccessAt: toIso(row?.lastSuccessAt ?? null),
    lastAttemptAt: toIso(row?.lastAttemptAt ?? null),
  };
  const { HEALTHDECK_POLLER, HEALTHDECK_HTTP_TIMEOUT_SECONDS } = runtime.config;
  const verdict = judgeSourceState({ row, intervalSeconds: source.intervalSeconds, httpTimeoutSeconds: HEALTHDECK_HTTP_TIMEOUT_SECONDS, isPollerOff: HEALTHDECK_POLLER === "off", nowMs });
  return { ...base, ...verdict };
}

export function describeAccountSource(runtime: HealthdeckRuntime): SourceDescription {
  return { id: ACCOUNT_HEALTH_SOURCE_ID, label: ACCOUNT_HEALTH_SOURCE_LABEL, intervalSeconds: runtime.config.HEALTHDECK_ACCOUNT_POLL_SECONDS };
}

/**
 * The Health API source: off by setting → disabled; a condition a retry will not fix soon (no support
 * plan, access denied, no credentials in auto mode) → unavailable/disabled with its reason, last data kept;
 * otherwise the same ok/error/stale rules as the public sources.
 */
export async function getAccountSourceHealth(runtime: HealthdeckRuntime, nowMs: number): Promise<SourceHealth> {
  const source = describeAccountSource(runtime);
  if (runtime.config.HEALTHDECK_ACCOUNT_HEALTH === "off") {
    const row = await runtime.store.sources.get(source.id);
    return {
      id: source.id,
      label: source.label,
      intervalSeconds: source.intervalSeconds,
      lastSuccessAt: toIso(row?.lastSuccessAt ?? null),
      lastAttemptAt: toIso(row?.lastAttemptAt ?? null),
      state: "disabled",
      error: "account health is off (HEALTHDECK_ACCOUNT_HEALTH=off)",
    };
  }
  const health = await getSourceHealth(runtime, source, nowMs);
  const condition = await runtime.store.accountSync.getCondition();
  if (condition === null || health.state === "disabled") return health;
  return { ...health, state: condition.state, error: condition.reason };
}

/** Every source listed in `sources` of /api/v1/status and /api/v1/health: the public feeds, then the account source. */
export async function listSourceHealth(runtime: HealthdeckRuntime, nowMs: number): Promise<SourceHealth[]> {
  return Promise.all([...describePublicSources(runtime).map((source) => getSourceHealth(runtime, source, nowMs)), getAccountSourceHealth(runtime, nowMs)]);
}
