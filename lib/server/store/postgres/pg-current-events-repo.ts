import type { CurrentEventRecord } from "@/lib/server/domain/public-status-records";
import type { CurrentEventsRepo } from "@/lib/server/store/contract/store-contract";
import { execute, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";
import { toStoredCurrentEvent, type CurrentEventRow } from "@/lib/server/store/common/public-status-rows";

type Compared = Pick<CurrentEventRow, "in_feed" | "status" | "resolved" | "summary" | "ended_at" | "started_at" | "impacted_json">;

function toCompared(event: CurrentEventRecord): Compared {
  return {
    in_feed: 1,
    status: event.status,
    resolved: event.resolved ? 1 : 0,
    summary: event.summary,
    ended_at: event.endedAt,
    started_at: event.startedAt,
    impacted_json: JSON.stringify(event.impacted),
  };
}

const isSame = (a: Compared, b: Compared) =>
  a.in_feed === b.in_feed && a.status === b.status && a.resolved === b.resolved && a.summary === b.summary &&
  a.ended_at === b.ended_at && a.started_at === b.started_at && a.impacted_json === b.impacted_json;

export function createPgCurrentEventsRepo(db: Queryable): CurrentEventsRepo {
  return {
    async listForKey(key) {
      const rows = await selectRows<CurrentEventRow>(db, "SELECT * FROM current_events WHERE key = $1 ORDER BY started_at", [key]);
      return rows.map(toStoredCurrentEvent);
    },
    async applyFeed(events, nowSeconds) {
      const arns = [...new Set(events.map((event) => event.arn))];
      const stored = await selectRows<CurrentEventRow>(db, "SELECT * FROM current_events WHERE arn = ANY($1::text[]) FOR UPDATE", [arns]);
      // The feed may list an ARN twice: compare each copy with the one before it, as SQLite's row-by-row upsert does.
      const current = new Map<string, Compared>(stored.map((row) => [row.arn, row]));
      const latest = new Map<string, CurrentEventRecord>();
      const touched = new Set<string>();
      for (const event of events) {
        const next = toCompared(event);
        const before = current.get(event.arn);
        if (!before || !isSame(before, next)) touched.add(event.key);
        current.set(event.arn, next);
        latest.set(event.arn, event);
      }
      const rows = [...latest.values()];
      if (rows.length > 0) {
        await execute(
          db,
          `INSERT INTO current_events (arn, key, region, service_name, status, resolved, summary, started_at, ended_at, impacted_json, in_feed, last_seen_at)
           SELECT arn, key, region, service_name, status, resolved, summary, started_at, ended_at, impacted_json, 1, $11
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::text[], $8::bigint[], $9::bigint[], $10::text[])
             AS feed (arn, key, region, service_name, status, resolved, summary, started_at, ended_at, impacted_json)
           ON CONFLICT (arn) DO UPDATE SET key = EXCLUDED.key, region = EXCLUDED.region, service_name = EXCLUDED.service_name,
             status = EXCLUDED.status, resolved = EXCLUDED.resolved, summary = EXCLUDED.summary, started_at = EXCLUDED.started_at,
             ended_at = EXCLUDED.ended_at, impacted_json = EXCLUDED.impacted_json, in_feed = 1, last_seen_at = EXCLUDED.last_seen_at`,
          [
            rows.map((event) => event.arn),
            rows.map((event) => event.key),
            rows.map((event) => event.region),
            rows.map((event) => event.serviceName),
            rows.map((event) => event.status),
            rows.map((event) => (event.resolved ? 1 : 0)),
            rows.map((event) => event.summary),
            rows.map((event) => event.startedAt),
            rows.map((event) => event.endedAt),
            rows.map((event) => JSON.stringify(event.impacted)),
            nowSeconds,
          ],
        );
      }
      // AWS removed what the feed no longer lists: close it.
      const gone = await selectRows<{ key: string }>(
        db,
        `UPDATE current_events SET in_feed = 0, resolved = 1, status = 'operational', ended_at = COALESCE(ended_at, $1)
         WHERE in_feed = 1 AND NOT (arn = ANY($2::text[])) RETURNING key`,
        [nowSeconds, arns],
      );
      for (const row of gone) touched.add(row.key);
      return touched;
    },
  };
}
