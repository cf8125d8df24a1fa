import type { AffectedEntity, EntityCounts } from "@/lib/shared/account-health-contract";
import type { EntityColumns } from "@/lib/shared/entity-columns-contract";
import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { buildEntityQuerySql, countEntitiesFor } from "@/lib/server/store/entity-query-sql";
import { listEntityColumns, listEntityColumnsInSlices } from "@/lib/server/store/list-entity-columns";
import type { SqliteDatabase } from "@/lib/server/store/open-database";

/**
 * Identity of a resource within an event. Keyed by account + value, never by entity ARN: EventBridge
 * never sends the ARN the Health API does, and the same resource from both must be one row.
 */
export function deriveEntityKey(entity: Pick<AffectedEntityRecord, "accountId" | "entityValue">): string {
  return `${entity.accountId ?? ""}|${entity.entityValue}`;
}

/** Entity metadata is JSON we wrote ourselves; a cheap shape check keeps 50,000-row pages fast. */
function readEntityMetadata(json: string): Record<string, string> {
  if (json === "{}") return {};
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const metadata: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === "string") metadata[key] = item;
  return metadata;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface EntityQuery {
  offset: number;
  limit: number;
  search: string | null;
  statuses: readonly string[];
  sort: "entity" | "status" | "account" | "lastUpdated";
  descending: boolean;
}

/** The resources of account events: one row per (event, account + value), their counts, and pages of them. */
export function createAffectedEntitiesRepo(db: SqliteDatabase) {
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
    upsertEntities(eventId: string, entities: readonly AffectedEntityRecord[]): number {
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
    setEntityCounts(eventId: string, counts: EntityCounts): void {
      setCounts.run(JSON.stringify(counts), eventId);
    },
    /** Rises whenever the event's stored resources change; null when there is no such event. */
    getEntitiesVersion(eventId: string): number | null {
      return selectVersion.get(eventId)?.entities_version ?? null;
    },
    listEntities(eventId: string, query: EntityQuery): { total: number; entities: AffectedEntity[] } {
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
    /** The same page as listEntities, as dictionary-encoded columns (`format=lean`). */
    listEntityColumns(eventId: string, query: EntityQuery): { total: number; columns: EntityColumns } {
      return listEntityColumns(db, eventId, query);
    },
    /** listEntityColumns read in slices with turns of the event loop between them (see listEntityColumnsInSlices). */
    listEntityColumnsInSlices(eventId: string, query: EntityQuery): Promise<{ total: number; columns: EntityColumns }> {
      return listEntityColumnsInSlices(db, eventId, query);
    },
  };
}
