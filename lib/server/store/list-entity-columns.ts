import { setImmediate as nextTurn } from "node:timers/promises";
import type { EntityColumns } from "@/lib/shared/entity-columns-contract";
import type { EntityQuery } from "@/lib/server/store/affected-entities-repo";
import { buildEntityQuerySql, countEntitiesFor } from "@/lib/server/store/entity-query-sql";
import type { SqliteDatabase } from "@/lib/server/store/open-database";

type RawEntityRow = [arn: string | null, value: string, url: string | null, account: string | null, status: string, updated: number | null, metadata: string, key: string];

const SELECT = "SELECT entity_arn, entity_value, entity_url, account_id, status, last_updated_time, metadata_json, entity_key FROM account_entities";
/** Rows read between two turns of the event loop, so a 50,000-row page never holds up the server's other requests. */
export const ENTITY_SLICE = 5_000;

function readMetadata(json: string): Record<string, string> | null {
  if (json === "{}") return null;
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** Characters two strings share at the start, never splitting a surrogate pair. */
export function countSharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let shared = 0;
  while (shared < max && a.charCodeAt(shared) === b.charCodeAt(shared)) shared += 1;
  const last = a.charCodeAt(shared - 1);
  return shared > 0 && last >= 0xd800 && last <= 0xdbff ? shared - 1 : shared;
}

/** Builds EntityColumns row by row: repeated statuses, accounts and instants become indexes into dictionaries. */
export function createEntityColumnsEncoder() {
  const columns: EntityColumns = { statuses: [], accounts: [], times: [], prefix: [], value: [], arn: [], url: [], status: [], account: [], time: [], metadata: {} };
  const arn: (string | null)[] = [];
  const url: (string | null)[] = [];
  const lookups = { status: new Map<string, number>(), account: new Map<string, number>(), time: new Map<number, number>() };
  let hasArn = false;
  let hasUrl = false;
  let previous = "";
  const indexIn = <K>(lookup: Map<K, number>, list: string[], key: K, label: (key: K) => string) => {
    let index = lookup.get(key);
    if (index === undefined) {
      index = list.length;
      list.push(label(key));
      lookup.set(key, index);
    }
    return index;
  };
  const same = (text: string) => text;
  const toIso = (ms: number) => new Date(ms).toISOString();
  return {
    add(rows: readonly RawEntityRow[]): void {
      for (const [rowArn, value, rowUrl, account, status, updated, metadataJson] of rows) {
        const metadata = readMetadata(metadataJson);
        if (metadata !== null) columns.metadata[String(columns.value.length)] = metadata;
        const shared = countSharedPrefix(previous, value);
        columns.prefix.push(shared);
        columns.value.push(value.slice(shared));
        previous = value;
        arn.push(rowArn);
        url.push(rowUrl);
        hasArn ||= rowArn !== null;
        hasUrl ||= rowUrl !== null;
        columns.status.push(indexIn(lookups.status, columns.statuses, status, same));
        columns.account.push(account === null ? -1 : indexIn(lookups.account, columns.accounts, account, same));
        columns.time.push(updated === null ? -1 : indexIn(lookups.time, columns.times, updated, toIso));
      }
    },
    finish(): EntityColumns {
      return { ...columns, arn: hasArn ? arn : null, url: hasUrl ? url : null };
    },
  };
}

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
