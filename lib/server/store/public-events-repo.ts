import { z } from "zod";
import { healthStatusSchema, type HealthStatus } from "@/lib/shared/health-status";
import type {
  AssembledEvent,
  ImpactedServiceRecord,
  PublicUpdateRecord,
} from "@/lib/server/domain/public-status-records";
import { parseImpactedJson } from "@/lib/server/store/current-events-repo";
import type { SqliteDatabase } from "@/lib/server/store/open-database";

/** An assembled event as stored, with its key already split into service and region. */
export interface StoredPublicEvent {
  id: string;
  arn: string | null;
  key: string;
  service: string;
  region: string | null;
  status: HealthStatus;
  summary: string;
  resolved: boolean;
  startedAt: number;
  endedAt: number | null;
  lastUpdateAt: number;
  impacted: ImpactedServiceRecord[];
  updates: PublicUpdateRecord[];
}

interface RawRow {
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

const updatesSchema = z.array(
  z.object({
    key: z.string(),
    at: z.number(),
    status: healthStatusSchema.catch("unknown"),
    resolved: z.boolean(),
    summary: z.string(),
    message: z.string(),
    origin: z.enum(["rss", "currentevents"]),
  }),
);

function toStored(row: RawRow): StoredPublicEvent {
  return {
    id: row.id,
    arn: row.arn,
    key: row.key,
    service: row.service,
    region: row.region,
    status: healthStatusSchema.catch("unknown").parse(row.status),
    summary: row.summary,
    resolved: row.resolved === 1,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastUpdateAt: row.last_update_at,
    impacted: parseImpactedJson(row.impacted_json),
    updates: updatesSchema.catch([]).parse(JSON.parse(row.updates_json)),
  };
}

export interface HistoryFilter {
  fromSeconds: number | null;
  toSeconds: number | null;
  limit: number;
}

export function createPublicEventsRepo(db: SqliteDatabase) {
  const selectIdsForKey = db.prepare<[string], { id: string }>("SELECT id FROM public_events WHERE key = ?");
  const remove = db.prepare("DELETE FROM public_events WHERE id = ?");
  const upsert = db.prepare(`
    INSERT INTO public_events (id, arn, key, service, region, status, summary, resolved, started_at, ended_at, last_update_at, impacted_json, updates_json)
    VALUES (@id, @arn, @key, @service, @region, @status, @summary, @resolved, @startedAt, @endedAt, @lastUpdateAt, @impactedJson, @updatesJson)
    ON CONFLICT(id) DO UPDATE SET arn = excluded.arn, key = excluded.key, service = excluded.service, region = excluded.region,
      status = excluded.status, summary = excluded.summary, resolved = excluded.resolved, started_at = excluded.started_at,
      ended_at = excluded.ended_at, last_update_at = excluded.last_update_at, impacted_json = excluded.impacted_json,
      updates_json = excluded.updates_json`);
  const selectOpen = db.prepare<[], RawRow>("SELECT * FROM public_events WHERE resolved = 0 ORDER BY last_update_at DESC");
  const selectOpenKeys = db.prepare<[], { key: string }>("SELECT DISTINCT key FROM public_events WHERE resolved = 0");
  const selectRecentlyResolved = db.prepare<[number], RawRow>(
    "SELECT * FROM public_events WHERE resolved = 1 AND last_update_at >= ? ORDER BY last_update_at DESC LIMIT 50",
  );

  return {
    /** Makes the stored events of one key exactly `events` (an event absorbed into another disappears). */
    replaceForKey(key: string, split: { service: string; region: string | null }, events: readonly AssembledEvent[]): void {
      const keep = new Set(events.map((event) => event.id));
      for (const { id } of selectIdsForKey.all(key)) if (!keep.has(id)) remove.run(id);
      for (const event of events) {
        upsert.run({
          id: event.id,
          arn: event.arn,
          key: event.key,
          service: split.service,
          region: split.region,
          status: event.status,
          summary: event.summary,
          resolved: event.resolved ? 1 : 0,
          startedAt: event.startedAt,
          endedAt: event.endedAt,
          lastUpdateAt: event.updates.reduce((max, update) => Math.max(max, update.at), event.startedAt),
          impactedJson: JSON.stringify(event.impacted),
          updatesJson: JSON.stringify(event.updates),
        });
      }
    },
    listOpen(): StoredPublicEvent[] {
      return selectOpen.all().map(toStored);
    },
    listOpenKeys(): string[] {
      return selectOpenKeys.all().map((row) => row.key);
    },
    listRecentlyResolved(sinceSeconds: number): StoredPublicEvent[] {
      return selectRecentlyResolved.all(sinceSeconds).map(toStored);
    },
    listHistory(filter: HistoryFilter): StoredPublicEvent[] {
      const where: string[] = [];
      const params: (string | number)[] = [];
      // An event belongs to the window when it overlaps it.
      if (filter.fromSeconds !== null) {
        where.push("(COALESCE(ended_at, last_update_at) >= ? OR resolved = 0)");
        params.push(filter.fromSeconds);
      }
      if (filter.toSeconds !== null) {
        where.push("started_at <= ?");
        params.push(filter.toSeconds);
      }
      const sql = `SELECT * FROM public_events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY started_at DESC LIMIT ?`;
      return db
        .prepare<(string | number)[], RawRow>(sql)
        .all(...params, filter.limit)
        .map(toStored);
    },
  };
}

export type PublicEventsRepo = ReturnType<typeof createPublicEventsRepo>;
