import { countEntitiesFor } from "@/lib/server/store/common/entity-columns-encoder";
import { deriveEntityKey } from "@/lib/server/domain/derive-record-ids";
import { readEntityMetadata } from "@/lib/server/store/common/parse-stored-json";
import type { AffectedEntitiesRepo } from "@/lib/server/store/contract/store-contract";
import { buildEntityQuerySql } from "@/lib/server/store/sqlite/entity-query-sql";
import { listEntityColumnsInSlices } from "@/lib/server/store/sqlite/list-entity-columns";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The resources of account events: one row per (event, account + value), their counts, and pages of them. */
export function createAffectedEntitiesRepo(db: SqliteDatabase): AffectedEntitiesRepo {
  const upsertEntity = db.prepare(`INSERT INTO account_entities (event_id, entity_key, entity_arn, entity_value, entity_url,
    account_id, status, last_updated_time, metadata_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(event_id, entity_key) DO UPDATE SET entity_arn = COALESCE(excluded.entity_arn, entity_arn),
    entity_value = excluded.entity_value, entity_url = COALESCE(excluded.entity_url, entity_url),
    account_id = COALESCE(excluded.account_id, account_id), status = excluded.status,
    last_updated_time = COALESCE(excluded.last_updated_time, last_updated_time), metadata_json = excluded.metadata_json
    WHERE status IS NOT excluded.status OR last_updated_time IS NOT excluded.last_updated_time
       OR entity_value IS NOT excluded.entity_value OR metadata_json IS NOT excluded.metadata_json`);
  const countByStatus = db.prepare<[string], { status: string; n: number }>(
    "SELECT status, COUNT(*) AS n FROM account_entities WHERE event_id = ? GROUP BY status",
  );
  const setCounts = db.prepare("UPDATE account_events SET entity_counts_json = ? WHERE id = ?");
  const setCountsAndVersion = db.prepare(
    "UPDATE account_events SET entity_counts_json = ?, entities_version = entities_version + 1 WHERE id = ?",
  );
  const selectVersion = db.prepare<[string], { entities_version: number }>("SELECT entities_version FROM account_events WHERE id = ?");

  return {
    /** Upserts entities and refreshes the event's counts; returns how many rows were created or changed. */
    async upsertEntities(eventId, entities) {
      let changed = 0;
      for (const entity of entities) {
        const key = deriveEntityKey(entity);
        const result = upsertEntity.run(
          eventId,
          key,
          entity.entityArn,
          entity.entityValue,
          entity.entityUrl,
          entity.accountId,
          entity.status,
          entity.lastUpdatedTime,
          JSON.stringify(entity.metadata),
        );
        changed += result.changes;
      }
      if (changed > 0) {
        const byStatus: Record<string, number> = {};
        let total = 0;
        for (const row of countByStatus.all(eventId)) {
          byStatus[row.status] = row.n;
          total += row.n;
        }
        setCountsAndVersion.run(JSON.stringify({ total, byStatus }), eventId);
      }
      return changed;
    },
    /** Counts from an aggregate call, for events whose entities are not stored one by one. */
    async setEntityCounts(eventId, counts) {
      setCounts.run(JSON.stringify(counts), eventId);
    },
    /** Rises whenever the event's stored resources change; null when there is no such event. */
    async getEntitiesVersion(eventId) {
      return selectVersion.get(eventId)?.entities_version ?? null;
    },
    async listEntities(eventId, query) {
      const { where: whereSql, params, order } = buildEntityQuerySql(eventId, query);
      const rows = db
        .prepare<unknown[], { entity_arn: string | null; entity_value: string; entity_url: string | null; account_id: string | null; status: string; last_updated_time: number | null; metadata_json: string }>(
          `SELECT entity_arn, entity_value, entity_url, account_id, status, last_updated_time, metadata_json
           FROM account_entities WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset);
      const total = countEntitiesFor(query.offset, query.limit, rows.length, () =>
        db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM account_entities WHERE ${whereSql}`).get(...params)?.n ?? 0,
      );
      return {
        total,
        entities: rows.map((row) => ({
          entityArn: row.entity_arn,
          entityValue: row.entity_value,
          entityUrl: row.entity_url,
          accountId: row.account_id,
          status: row.status,
          lastUpdatedTime: iso(row.last_updated_time),
          metadata: readEntityMetadata(row.metadata_json),
        })),
      };
    },
    /** Read in slices with turns of the event loop between them (see listEntityColumnsInSlices). */
    listEntityColumns(eventId, query) {
      return listEntityColumnsInSlices(db, eventId, query);
    },
  };
}
