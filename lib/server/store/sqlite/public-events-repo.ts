import type { PublicEventsRepo } from "@/lib/server/store/contract/store-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";
import { toStoredPublicEvent, type PublicEventRow } from "@/lib/server/store/common/public-status-rows";

export function createPublicEventsRepo(db: SqliteDatabase): PublicEventsRepo {
  const selectIdsForKey = db.prepare<[string], { id: string }>("SELECT id FROM public_events WHERE key = ?");
  const selectForKey = db.prepare<[string], PublicEventRow>("SELECT * FROM public_events WHERE key = ? ORDER BY started_at, id");
  const remove = db.prepare("DELETE FROM public_events WHERE id = ?");
  const upsert = db.prepare(`
    INSERT INTO public_events (id, arn, key, service, region, status, summary, resolved, started_at, ended_at, last_update_at, impacted_json, updates_json)
    VALUES (@id, @arn, @key, @service, @region, @status, @summary, @resolved, @startedAt, @endedAt, @lastUpdateAt, @impactedJson, @updatesJson)
    ON CONFLICT(id) DO UPDATE SET arn = excluded.arn, key = excluded.key, service = excluded.service, region = excluded.region,
      status = excluded.status, summary = excluded.summary, resolved = excluded.resolved, started_at = excluded.started_at,
      ended_at = excluded.ended_at, last_update_at = excluded.last_update_at, impacted_json = excluded.impacted_json,
      updates_json = excluded.updates_json`);
  const selectOpen = db.prepare<[], PublicEventRow>("SELECT * FROM public_events WHERE resolved = 0 ORDER BY last_update_at DESC");
  const selectOpenKeys = db.prepare<[], { key: string }>("SELECT DISTINCT key FROM public_events WHERE resolved = 0");
  const selectRecentlyResolved = db.prepare<[number], PublicEventRow>(
    "SELECT * FROM public_events WHERE resolved = 1 AND last_update_at >= ? ORDER BY last_update_at DESC LIMIT 50",
  );

  return {
    /** Makes the stored events of one key exactly `events` (an event absorbed into another disappears). */
    async listForKey(key) {
      return selectForKey.all(key).map(toStoredPublicEvent);
    },
    async replaceForKey(key, split, events) {
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
    async listOpen() {
      return selectOpen.all().map(toStoredPublicEvent);
    },
    async listOpenKeys() {
      return selectOpenKeys.all().map((row) => row.key);
    },
    async listRecentlyResolved(sinceSeconds) {
      return selectRecentlyResolved.all(sinceSeconds).map(toStoredPublicEvent);
    },
    async listHistory(filter) {
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
        .prepare<(string | number)[], PublicEventRow>(sql)
        .all(...params, filter.limit)
        .map(toStoredPublicEvent);
    },
  };
}

