import { severityRank, type HealthStatus } from "@/lib/shared/health-status";
import type { ImpactedServiceRecord } from "@/lib/server/domain/public-status-records";

export interface KeyState {
  status: HealthStatus;
  since: number | null;
  name: string | null;
}

interface OpenEvent {
  key: string;
  status: HealthStatus;
  startedAt: number;
  impacted: readonly ImpactedServiceRecord[];
}

/** Status of every service key that open public events touch: the worst of its events and impacted entries. */
export function collectKeyStates(openEvents: readonly OpenEvent[]): Map<string, KeyState> {
  const states = new Map<string, KeyState>();
  const bump = (key: string, status: HealthStatus, since: number, name: string | null) => {
    const current = states.get(key);
    if (!current || severityRank(status) > severityRank(current.status)) {
      states.set(key, { status, since, name: name ?? current?.name ?? null });
    } else if (current.status === status && current.since !== null && since < current.since) {
      current.since = since;
    }
  };
  for (const event of openEvents) {
    bump(event.key, event.status, event.startedAt, null);
    for (const impacted of event.impacted) bump(impacted.key, impacted.status, impacted.changedAt ?? event.startedAt, impacted.name);
  }
  return states;
}
