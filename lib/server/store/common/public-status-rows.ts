import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import { parseImpactedJson, parseUpdatesJson, statusOrUnknown } from "@/lib/server/store/common/parse-stored-json";
import type { StoredCurrentEvent, StoredPublicEvent } from "@/lib/server/store/contract/store-records";

/** Rows of the public-status tables as both engines store them (flags 0/1, times epoch seconds, JSON written by us). */
export interface PublicUpdateRow {
  key: string;
  at: number;
  status: string;
  resolved: number;
  summary: string;
  message: string;
  origin: string;
}

export function toPublicUpdate(row: PublicUpdateRow): PublicUpdateRecord {
  return {
    key: row.key,
    at: row.at,
    status: statusOrUnknown.parse(row.status),
    resolved: row.resolved === 1,
    summary: row.summary,
    message: row.message,
    origin: row.origin === "rss" ? "rss" : "currentevents",
  };
}

export interface CurrentEventRow {
  arn: string;
  key: string;
  region: string | null;
  service_name: string;
  status: string;
  resolved: number;
  summary: string;
  started_at: number;
  ended_at: number | null;
  impacted_json: string;
  in_feed: number;
  last_seen_at: number;
}

export function toStoredCurrentEvent(row: CurrentEventRow): StoredCurrentEvent {
  return {
    arn: row.arn,
    key: row.key,
    region: row.region,
    serviceName: row.service_name,
    status: statusOrUnknown.parse(row.status),
    resolved: row.resolved === 1,
    summary: row.summary,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    impacted: parseImpactedJson(row.impacted_json),
    inFeed: row.in_feed === 1,
    lastSeenAt: row.last_seen_at,
  };
}

export interface PublicEventRow {
  id: string;
  arn: string | null;
  key: string;
  service: string;
  region: string | null;
  status: string;
  summary: string;
  resolved: number;
  started_at: number;
  ended_at: number | null;
  last_update_at: number;
  impacted_json: string;
  updates_json: string;
}

export function toStoredPublicEvent(row: PublicEventRow): StoredPublicEvent {
  return {
    id: row.id,
    arn: row.arn,
    key: row.key,
    service: row.service,
    region: row.region,
    status: statusOrUnknown.parse(row.status),
    summary: row.summary,
    resolved: row.resolved === 1,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastUpdateAt: row.last_update_at,
    impacted: parseImpactedJson(row.impacted_json),
    updates: parseUpdatesJson(row.updates_json),
  };
}
