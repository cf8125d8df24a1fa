import type { EntityColumns } from "@/lib/shared/entity-columns-contract";

/** One stored entity row as read for the columns format, in this order. */
export type RawEntityRow = [arn: string | null, value: string, url: string | null, account: string | null, status: string, updated: number | null, metadata: string, key: string];

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

/**
 * The total for a page: a page shorter than its limit ends the list, so the COUNT(*) (a second pass over up to
 * 50,000 rows) only runs when there may be more, or when an empty page may lie beyond the end.
 */
export function countEntitiesFor(offset: number, limit: number, pageLength: number, count: () => number): number {
  return pageLength < limit && (pageLength > 0 || offset === 0) ? offset + pageLength : count();
}

export async function countEntitiesForAsync(offset: number, limit: number, pageLength: number, count: () => Promise<number>): Promise<number> {
  return pageLength < limit && (pageLength > 0 || offset === 0) ? offset + pageLength : count();
}
