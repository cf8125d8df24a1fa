import type { AssembledEvent } from "@/lib/server/domain/public-status-records";
import type { PublicEventsRepo } from "@/lib/server/store/contract/store-contract";
import { execute, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";
import { toStoredPublicEvent, type PublicEventRow } from "@/lib/server/store/common/public-status-rows";

const lastUpdateAt = (event: AssembledEvent) => event.updates.reduce((max, update) => Math.max(max, update.at), event.startedAt);

export function createPgPublicEventsRepo(db: Queryable): PublicEventsRepo {
  const list = async (sql: string, values: readonly unknown[] = []) => (await selectRows<PublicEventRow>(db, sql, values)).map(toStoredPublicEvent);
  return {
    listForKey(key) {
      return list("SELECT * FROM public_events WHERE key = $1 ORDER BY started_at, id", [key]);
    },
    async replaceForKey(key, split, events) {
      // One row per id, the last copy winning, as SQLite's row-by-row upsert leaves it.
      const rows = [...new Map(events.map((event) => [event.id, event])).values()];
      await execute(db, "DELETE FROM public_events WHERE key = $1 AND NOT (id = ANY($2::text[]))", [key, rows.map((event) => event.id)]);
      if (rows.length === 0) return;
      await execute(
        db,
        `INSERT INTO public_events (id, arn, key, service, region, status, summary, resolved, started_at, ended_at, last_update_at, impacted_json, updates_json)
         SELECT id, arn, key, $12, $13, status, summary, resolved, started_at, ended_at, last_update_at, impacted_json, updates_json
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[], $11::text[])
           AS assembled (id, arn, key, status, summary, resolved, started_at, ended_at, last_update_at, impacted_json, updates_json)
         ON CONFLICT (id) DO UPDATE SET arn = EXCLUDED.arn, key = EXCLUDED.key, service = EXCLUDED.service, region = EXCLUDED.region,
           status = EXCLUDED.status, summary = EXCLUDED.summary, resolved = EXCLUDED.resolved, started_at = EXCLUDED.started_at,
           ended_at = EXCLUDED.ended_at, last_update_at = EXCLUDED.last_update_at, impacted_json = EXCLUDED.impacted_json,
           updates_json = EXCLUDED.updates_json`,
        [
          rows.map((event) => event.id),
          rows.map((event) => event.arn),
          rows.map((event) => event.key),
          rows.map((event) => event.status),
          rows.map((event) => event.summary),
          rows.map((event) => (event.resolved ? 1 : 0)),
          rows.map((event) => event.startedAt),
          rows.map((event) => event.endedAt),
          rows.map(lastUpdateAt),
          rows.map((event) => JSON.stringify(event.impacted)),
          rows.map((event) => JSON.stringify(event.updates)),
          split.service,
          split.region,
        ],
      );
    },
    listOpen() {
      return list("SELECT * FROM public_events WHERE resolved = 0 ORDER BY last_update_at DESC");
    },
    async listOpenKeys() {
      const rows = await selectRows<{ key: string }>(db, "SELECT DISTINCT key FROM public_events WHERE resolved = 0 ORDER BY key");
      return rows.map((row) => row.key);
    },
    listRecentlyResolved(sinceSeconds) {
      return list("SELECT * FROM public_events WHERE resolved = 1 AND last_update_at >= $1 ORDER BY last_update_at DESC LIMIT 50", [sinceSeconds]);
    },
    listHistory(filter) {
      const where: string[] = [];
      const values: unknown[] = [];
      // An event belongs to the window when it overlaps it.
      if (filter.fromSeconds !== null) {
        values.push(filter.fromSeconds);
        where.push(`(COALESCE(ended_at, last_update_at) >= $${values.length} OR resolved = 0)`);
      }
      if (filter.toSeconds !== null) {
        values.push(filter.toSeconds);
        where.push(`started_at <= $${values.length}`);
      }
      values.push(filter.limit);
      return list(`SELECT * FROM public_events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY started_at DESC LIMIT $${values.length}`, values);
    },
  };
}
