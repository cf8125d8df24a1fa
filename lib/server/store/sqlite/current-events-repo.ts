import type { CurrentEventsRepo } from "@/lib/server/store/contract/store-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";
import { toStoredCurrentEvent, type CurrentEventRow } from "@/lib/server/store/common/public-status-rows";

export function createCurrentEventsRepo(db: SqliteDatabase): CurrentEventsRepo {
  const selectForKey = db.prepare<[string], CurrentEventRow>("SELECT * FROM current_events WHERE key = ? ORDER BY started_at");
  const selectInFeed = db.prepare<[], CurrentEventRow>("SELECT * FROM current_events WHERE in_feed = 1");
  const select = db.prepare<[string], CurrentEventRow>("SELECT * FROM current_events WHERE arn = ?");
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
      return selectForKey.all(key).map(toStoredCurrentEvent);
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

