import type { HealthStatus } from "@/lib/shared/health-status";

/**
 * Normalised records produced by the public-status adapters. Times are epoch seconds (UTC).
 * An update is identified by `${key}_${at}`: the RSS guid fragment and the currentevents
 * event_log entry of the same update share it, which is how the two sources merge.
 */
export interface PublicUpdateRecord {
  key: string;
  at: number;
  status: HealthStatus;
  resolved: boolean;
  summary: string;
  message: string;
  origin: "rss" | "currentevents";
}

export interface ImpactedServiceRecord {
  key: string;
  name: string;
  status: HealthStatus;
  maxStatus: HealthStatus;
  /** epoch seconds of the latest impacted_service_status_changes entry for this key, if any */
  changedAt: number | null;
}

export interface CurrentEventRecord {
  arn: string;
  key: string;
  /** region code from the ARN (never from region_name, which is a label) */
  region: string | null;
  serviceName: string;
  status: HealthStatus;
  resolved: boolean;
  summary: string;
  startedAt: number;
  endedAt: number | null;
  updates: PublicUpdateRecord[];
  impacted: ImpactedServiceRecord[];
}

export interface CatalogEntry {
  key: string;
  service: string;
  region: string | null;
  name: string;
  regionName: string | null;
}

/** An assembled public event (currentevents-backed when `arn` is set, RSS-only otherwise). */
export interface AssembledEvent {
  id: string;
  arn: string | null;
  key: string;
  status: HealthStatus;
  summary: string;
  resolved: boolean;
  startedAt: number;
  endedAt: number | null;
  updates: PublicUpdateRecord[];
  impacted: ImpactedServiceRecord[];
}
