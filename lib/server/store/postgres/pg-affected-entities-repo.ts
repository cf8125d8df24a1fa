import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { deriveEntityKey } from "@/lib/server/domain/derive-record-ids";
import type { AffectedEntitiesRepo } from "@/lib/server/store/contract/store-contract";
import type { EntityQuery } from "@/lib/server/store/contract/store-records";
import { countEntitiesFor } from "@/lib/server/store/common/entity-columns-encoder";
import { createEntityColumnsEncoder } from "@/lib/server/store/common/entity-columns-encoder";
import { readEntityMetadata } from "@/lib/server/store/common/parse-stored-json";
import { buildPgEntityQuerySql } from "@/lib/server/store/postgres/pg-entity-query-sql";
import { execute, selectArrays, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

type RawEntityRow = [arn: string | null, value: string, url: string | null, account: string | null, status: string, updated: number | null, metadata: string, key: string];

const SELECT_ENTITIES = "SELECT entity_arn, entity_value, entity_url, account_id, status, last_updated_time, metadata_json, entity_key FROM account_entities";
/** Never a real total (those are >= 0). */
const NEEDS_COUNT = -1;
/** Rows per INSERT statement: large syncs arrive in flushes of about 2,000. */
const UPSERT_CHUNK = 5_000;

// COALESCE keeps what only one source knows; a row counts as changed when status, time, value or metadata differ.
const UPSERT_ENTITIES = `INSERT INTO account_entities AS stored (event_id, entity_key, entity_arn, entity_value, entity_url, account_id,
    status, last_updated_time, metadata_json)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[])
  ON CONFLICT (event_id, entity_key) DO UPDATE SET entity_arn = COALESCE(EXCLUDED.entity_arn, stored.entity_arn),
    entity_value = EXCLUDED.entity_value, entity_url = COALESCE(EXCLUDED.entity_url, stored.entity_url),
    account_id = COALESCE(EXCLUDED.account_id, stored.account_id), status = EXCLUDED.status,
    last_updated_time = COALESCE(EXCLUDED.last_updated_time, stored.last_updated_time), metadata_json = EXCLUDED.metadata_json
  WHERE stored.status IS DISTINCT FROM EXCLUDED.status OR stored.last_updated_time IS DISTINCT FROM EXCLUDED.last_updated_time
     OR stored.entity_value IS DISTINCT FROM EXCLUDED.entity_value OR stored.metadata_json IS DISTINCT FROM EXCLUDED.metadata_json`;

/**
 * Splits a batch into rounds of distinct keys, in order: one INSERT cannot touch a row twice, and running the
 * rounds one after another gives what SQLite's row-by-row upsert gives for a key listed twice.
 */
function splitIntoRounds(entities: readonly AffectedEntityRecord[]): { key: string; entity: AffectedEntityRecord }[][] {
  const rounds: { key: string; entity: AffectedEntityRecord }[][] = [];
  const seen = new Map<string, number>();
  for (const entity of entities) {
    const key = deriveEntityKey(entity);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push({ key, entity });
  }
  return rounds;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());


export function createPgAffectedEntitiesRepo(db: Queryable): AffectedEntitiesRepo {
  async function readPage(eventId: string, query: EntityQuery): Promise<{ rows: RawEntityRow[]; count: () => Promise<number> }> {
    const sql = buildPgEntityQuerySql(eventId, query);
    const at = sql.values.length;
    const rows = await selectArrays<RawEntityRow>(
      db,
      `${SELECT_ENTITIES} WHERE ${sql.where} ORDER BY ${sql.order} LIMIT $${at + 1} OFFSET $${at + 2}`,
      [...sql.values, query.limit, query.offset],
    );
    const count = async () => (await selectRow<{ n: number }>(db, `SELECT COUNT(*) AS n FROM account_entities WHERE ${sql.where}`, sql.values))?.n ?? 0;
    return { rows, count };
  }
  /** countEntitiesFor decides whether the COUNT(*) is needed; it runs here, asynchronously. */
  async function totalOf(query: EntityQuery, pageLength: number, count: () => Promise<number>): Promise<number> {
    const total = countEntitiesFor(query.offset, query.limit, pageLength, () => NEEDS_COUNT);
    return total === NEEDS_COUNT ? count() : total;
  }

  return {
    async upsertEntities(eventId, entities) {
      let changed = 0;
      for (const round of splitIntoRounds(entities)) {
        for (let start = 0; start < round.length; start += UPSERT_CHUNK) {
          const chunk = round.slice(start, start + UPSERT_CHUNK);
          changed += await execute(db, UPSERT_ENTITIES, [
            eventId,
            chunk.map((row) => row.key),
            chunk.map((row) => row.entity.entityArn),
            chunk.map((row) => row.entity.entityValue),
            chunk.map((row) => row.entity.entityUrl),
            chunk.map((row) => row.entity.accountId),
            chunk.map((row) => row.entity.status),
            chunk.map((row) => row.entity.lastUpdatedTime),
            chunk.map((row) => JSON.stringify(row.entity.metadata)),
          ]);
        }
      }
      if (changed > 0) {
        // Writers of one event take turns on its row here: the last to count sees every other writer's entities.
        await execute(db, "SELECT 1 FROM account_events WHERE id = $1 FOR UPDATE", [eventId]);
        const counts = await selectRows<{ status: string; n: number }>(
          db,
          "SELECT status, COUNT(*) AS n FROM account_entities WHERE event_id = $1 GROUP BY status ORDER BY status",
          [eventId],
        );
        const byStatus: Record<string, number> = {};
        let total = 0;
        for (const row of counts) {
          byStatus[row.status] = row.n;
          total += row.n;
        }
        await execute(db, "UPDATE account_events SET entity_counts_json = $1, entities_version = entities_version + 1 WHERE id = $2", [
          JSON.stringify({ total, byStatus }),
          eventId,
        ]);
      }
      return changed;
    },
    async setEntityCounts(eventId, counts) {
      await execute(db, "UPDATE account_events SET entity_counts_json = $1 WHERE id = $2", [JSON.stringify(counts), eventId]);
    },
    async getEntitiesVersion(eventId) {
      return (await selectRow<{ entities_version: number }>(db, "SELECT entities_version FROM account_events WHERE id = $1", [eventId]))?.entities_version ?? null;
    },
    async listEntities(eventId, query) {
      const { rows, count } = await readPage(eventId, query);
      return {
        total: await totalOf(query, rows.length, count),
        entities: rows.map(([entityArn, entityValue, entityUrl, accountId, status, updated, metadata]) => ({
          entityArn,
          entityValue,
          entityUrl,
          accountId,
          status,
          lastUpdatedTime: iso(updated),
          metadata: readEntityMetadata(metadata),
        })),
      };
    },
    async listEntityColumns(eventId, query) {
      const { rows, count } = await readPage(eventId, query);
      const encoder = createEntityColumnsEncoder();
      encoder.add(rows);
      return { total: await totalOf(query, rows.length, count), columns: encoder.finish() };
    },
  };
}
