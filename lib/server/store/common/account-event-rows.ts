import { z } from "zod";
import { isSecurityEventCode, type AccountEvent } from "@/lib/shared/account-health-contract";
import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";

/** An account_events row as both engines store it (times epoch ms; JSON columns written by us). */
export interface EventRow {
  id: string;
  arn: string;
  account_id: string;
  service: string;
  event_type_code: string;
  category: string;
  region: string | null;
  availability_zone: string | null;
  status: string;
  scope: string | null;
  start_time: number | null;
  end_time: number | null;
  last_updated_time: number | null;
  description: string;
  metadata_json: string;
  actionability: string | null;
  personas_json: string;
  origins: string;
  entity_counts_json: string;
  first_seen_at: number;
  updated_at: number;
}

const stringMap = z.record(z.string(), z.string()).catch({});
const stringList = z.array(z.string()).catch([]);
const countsSchema = z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()) }).catch({ total: 0, byStatus: {} });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toAccountEvent(row: EventRow): AccountEvent {
  return {
    id: row.id,
    arn: row.arn,
    accountId: row.account_id === "" ? null : row.account_id,
    service: row.service,
    eventTypeCode: row.event_type_code,
    category: row.category,
    region: row.region,
    availabilityZone: row.availability_zone,
    status: row.status,
    scope: row.scope,
    startTime: iso(row.start_time),
    endTime: iso(row.end_time),
    lastUpdatedTime: iso(row.last_updated_time),
    description: row.description,
    entityCounts: countsSchema.parse(JSON.parse(row.entity_counts_json)),
    actionability: row.actionability,
    personas: stringList.parse(JSON.parse(row.personas_json)),
    metadata: stringMap.parse(JSON.parse(row.metadata_json)),
    origins: row.origins.split(",").filter((origin): origin is "api" | "eventbridge" => origin === "api" || origin === "eventbridge"),
    isSecurity: isSecurityEventCode(row.event_type_code, row.service),
  };
}

/** The stored row after merging `record` into `before` (see AccountEventRecord: null keeps what was stored). */
export function mergeEvent(id: string, record: AccountEventRecord, before: EventRow | null, nowMs: number): EventRow {
  const origins = new Set(before ? before.origins.split(",") : []);
  origins.add(record.origin);
  return {
    id,
    arn: record.arn,
    account_id: record.accountId ?? "",
    service: record.service || before?.service || "",
    event_type_code: record.eventTypeCode || before?.event_type_code || "",
    category: record.category || before?.category || "",
    region: record.region ?? before?.region ?? null,
    availability_zone: record.availabilityZone ?? before?.availability_zone ?? null,
    status: record.status || before?.status || "",
    scope: record.scope ?? before?.scope ?? null,
    start_time: record.startTime ?? before?.start_time ?? null,
    end_time: record.endTime ?? before?.end_time ?? null,
    last_updated_time: record.lastUpdatedTime ?? before?.last_updated_time ?? null,
    description: record.description ?? before?.description ?? "",
    metadata_json: record.metadata ? JSON.stringify(record.metadata) : (before?.metadata_json ?? "{}"),
    actionability: record.actionability ?? before?.actionability ?? null,
    personas_json: record.personas ? JSON.stringify(record.personas) : (before?.personas_json ?? "[]"),
    origins: [...origins].sort().join(","),
    entity_counts_json: before?.entity_counts_json ?? JSON.stringify({ total: 0, byStatus: {} }),
    first_seen_at: before?.first_seen_at ?? nowMs,
    updated_at: nowMs,
  };
}

/** Whether merging changed anything a reader sees (updated_at alone is not a change). */
export function isEventRowChanged(merged: EventRow, before: EventRow): boolean {
  return (Object.keys(merged) as (keyof EventRow)[]).some((column) => column !== "updated_at" && merged[column] !== before[column]);
}
