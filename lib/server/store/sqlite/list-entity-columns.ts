import { setImmediate as nextTurn } from "node:timers/promises";
import type { EntityColumns } from "@/lib/shared/entity-columns-contract";
import { countEntitiesFor, createEntityColumnsEncoder, type RawEntityRow } from "@/lib/server/store/common/entity-columns-encoder";
import type { EntityQuery } from "@/lib/server/store/contract/store-records";
import { buildEntityQuerySql } from "@/lib/server/store/sqlite/entity-query-sql";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

const SELECT = "SELECT entity_arn, entity_value, entity_url, account_id, status, last_updated_time, metadata_json, entity_key FROM account_entities";
/** Rows read between two turns of the event loop, so a 50,000-row page never holds up the server's other requests. */
export const ENTITY_SLICE = 5_000;

function countMatching(db: SqliteDatabase, where: string, params: readonly unknown[]): number {
  return db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM account_entities WHERE ${where}`).get(...params)?.n ?? 0;
}

/** One page of an event's entities as dictionary-encoded columns (see EntityColumns), in one synchronous read. */
export function listEntityColumns(db: SqliteDatabase, eventId: string, query: EntityQuery): { total: number; columns: EntityColumns } {
  const sql = buildEntityQuerySql(eventId, query);
  const rows = db.prepare<unknown[], RawEntityRow>(`${SELECT} WHERE ${sql.where} ORDER BY ${sql.order} LIMIT ? OFFSET ?`).raw(true).all(...sql.params, query.limit, query.offset);
  const encoder = createEntityColumnsEncoder();
  encoder.add(rows);
  return { total: countEntitiesFor(query.offset, query.limit, rows.length, () => countMatching(db, sql.where, sql.params)), columns: encoder.finish() };
}

/**
 * The same page read in slices of ENTITY_SLICE rows with a turn of the event loop between them. Sorted by entity,
 * each slice continues after the last (value, key) read (the index on event, value, key serves it); other sorts
 * read in one go. A write between slices shows up as it would in the next request: rows are never doubled.
 */
export async function listEntityColumnsInSlices(db: SqliteDatabase, eventId: string, query: EntityQuery): Promise<{ total: number; columns: EntityColumns }> {
  if (query.sort !== "entity" || query.limit <= ENTITY_SLICE) return listEntityColumns(db, eventId, query);
  const sql = buildEntityQuerySql(eventId, query);
  const after = query.descending ? "(entity_value < ? OR (entity_value = ? AND entity_key < ?))" : "(entity_value > ? OR (entity_value = ? AND entity_key > ?))";
  const first = db.prepare<unknown[], RawEntityRow>(`${SELECT} WHERE ${sql.where} ORDER BY ${sql.order} LIMIT ? OFFSET ?`).raw(true);
  const next = db.prepare<unknown[], RawEntityRow>(`${SELECT} WHERE ${sql.where} AND ${after} ORDER BY ${sql.order} LIMIT ?`).raw(true);
  const encoder = createEntityColumnsEncoder();
  let read = 0;
  let slice = first.all(...sql.params, Math.min(ENTITY_SLICE, query.limit), query.offset);
  for (;;) {
    encoder.add(slice);
    read += slice.length;
    const last = slice.at(-1);
    if (last === undefined || slice.length < ENTITY_SLICE || read >= query.limit) break;
    await nextTurn();
    slice = next.all(...sql.params, last[1], last[1], last[7], Math.min(ENTITY_SLICE, query.limit - read));
  }
  return { total: countEntitiesFor(query.offset, query.limit, read, () => countMatching(db, sql.where, sql.params)), columns: encoder.finish() };
}
