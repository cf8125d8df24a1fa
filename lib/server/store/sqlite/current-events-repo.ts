import { healthStatusSchema } from "@/lib/shared/health-status";
import { parseImpactedJson } from "@/lib/server/store/common/parse-stored-json";
import type { CurrentEventsRepo } from "@/lib/server/store/contract/store-contract";
import type { StoredCurrentEvent } from "@/lib/server/store/contract/store-records";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

interface RawRow {
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


function toStored(row: RawRow): StoredCurrentEvent {
  return {
    arn: row.arn,
    key: row.key,
    region: row.region,
    serviceName: row.service_name,
    status: healthStatusSchema.catch("unknown").parse(row.status),
    resolved: row.resolved === 1,
    summary: row.summary,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    impacted: parseImpactedJson(row.impacted_json),
    inFeed: row.in_feed === 1,
    lastSeenAt: row.last_seen_at,
  };
}

export function createCurrentEventsRepo(db: SqliteDatabase): CurrentEventsRepo {
  const selectForKey = db.prepare<[string], RawRow>("SELECT * FROM current_events WHERE key = ? ORDER BY started_at");
  const selectInFeed = db.prepare<[], RawRow>("SELECT * FROM current_events WHERE in_feed = 1");
  const select = db.prepare<[string], RawRow>("SELECT * FROM current_events WHERE arn = ?");
  const upsert = db.prepare(`
    INSERT INTO current_events (arn, key, region, service_name, status, resolved, summary, started_at, ended_at, impacted_json, in_feed, last_seen_at)
    VALUES (@arn, @key, @region, @serviceName, @status, @resolved, @summary, @startedAt, @endedAt, @impactedJson, 1, @now)
    ON CONFLICT(arn) DO UPDATE SET key = excluded.key, region = excluded.region, service_name = excluded.service_name,
      status = excluded.status, resolved = excluded.resolved, summary = excluded.summary, started_at = excluded.started_at,
      ended_at = excluded.ended_at, impacted_json = excluded.impacted_json, in_feed = 1, last_seen_at = excluded.last_seen_at`);
  const markGone = db.prepare(
    "UPDATE current_events SET in_feed = 0, resolved = 1, status = 'operational', ended_at = COALESCE(ended_at, ?) WHERE arn = ?",
  );

  return {
    async listForKey(key) {
      return selectForKey.all(key).map(toStored);
    },
    /**
     * Upserts what the feed lists now; an event that left the feed is closed (AWS removed it).
     * Returns the keys whose stored events changed.
     */
    async applyFeed(events, nowSeconds) {
      const touched = new Set<string>();
      const listed = new Set<string>();
      for (const event of events) {
        listed.add(event.arn);
        const before = select.get(event.arn);
        const impactedJson = JSON.stringify(event.impacted);
        const changed =
          !before ||
          before.in_feed !== 1 ||
          before.status !== event.status ||
          before.resolved !== (event.resolved ? 1 : 0) ||
          before.summary !== event.summary ||
          before.ended_at !== event.endedAt ||
          before.started_at !== event.startedAt ||
          before.impacted_json !== impactedJson;
        upsert.run({
          arn: event.arn,
          key: event.key,
          region: event.region,
          serviceName: event.serviceName,
          status: event.status,
          resolved: event.resolved ? 1 : 0,
          summary: event.summary,
          startedAt: event.startedAt,
          endedAt: event.endedAt,
          impactedJson,
          now: nowSeconds,
        });
        if (changed) touched.add(event.key);
      }
      for (const row of selectInFeed.all()) {
        if (listed.has(row.arn)) continue;
        markGone.run(nowSeconds, row.arn);
        touched.add(row.key);
      }
      return touched;
    },
  };
}

