import type { AffectedEntity } from "@/lib/shared/account-health-contract";

/**
 * Affected resources held as columns in the browser: 50,000 rows are a few arrays, not 50,000 objects, and a row
 * object is only built for the few rows in view (readEntityAt).
 */
export interface EntityRowColumns {
  count: number;
  values: readonly string[];
  arns: readonly (string | null)[] | null;
  urls: readonly (string | null)[] | null;
  accounts: readonly string[];
  /** per row: index into `accounts`, -1 = none */
  accountIndex: Int32Array;
  statuses: readonly string[];
  /** per row: index into `statuses` */
  statusIndex: Int32Array;
  times: readonly string[];
  /** per row: index into `times`, -1 = none */
  timeIndex: Int32Array;
  /** only rows with metadata, by row index */
  metadata: Readonly<Record<string, Record<string, string>>>;
}

export const EMPTY_ENTITY_ROWS: EntityRowColumns = {
  count: 0,
  values: [],
  arns: null,
  urls: null,
  accounts: [],
  accountIndex: new Int32Array(0),
  statuses: [],
  statusIndex: new Int32Array(0),
  times: [],
  timeIndex: new Int32Array(0),
  metadata: {},
};

export function readEntityAt(rows: EntityRowColumns, index: number): AffectedEntity | undefined {
  if (index < 0 || index >= rows.count) return undefined;
  const account = rows.accountIndex[index] ?? -1;
  const time = rows.timeIndex[index] ?? -1;
  return {
    entityArn: rows.arns?.[index] ?? null,
    entityValue: rows.values[index] ?? "",
    entityUrl: rows.urls?.[index] ?? null,
    accountId: account === -1 ? null : (rows.accounts[account] ?? null),
    status: rows.statuses[rows.statusIndex[index] ?? 0] ?? "",
    lastUpdatedTime: time === -1 ? null : (rows.times[time] ?? null),
    metadata: rows.metadata[String(index)] ?? {},
  };
}

function indexIn(lookup: Map<string, number>, list: string[], key: string): number {
  let index = lookup.get(key);
  if (index === undefined) {
    index = list.length;
    list.push(key);
    lookup.set(key, index);
  }
  return index;
}

/** Columns from row objects (and the way several pages are joined: rows of each, in order). */
export function toEntityRowColumns(entities: Iterable<AffectedEntity>): EntityRowColumns {
  const values: string[] = [];
  const arns: (string | null)[] = [];
  const urls: (string | null)[] = [];
  const dictionaries = { accounts: [] as string[], statuses: [] as string[], times: [] as string[] };
  const lookups = { accounts: new Map<string, number>(), statuses: new Map<string, number>(), times: new Map<string, number>() };
  const account: number[] = [];
  const status: number[] = [];
  const time: number[] = [];
  const metadata: Record<string, Record<string, string>> = {};
  for (const entity of entities) {
    if (Object.keys(entity.metadata).length > 0) metadata[String(values.length)] = entity.metadata;
    values.push(entity.entityValue);
    arns.push(entity.entityArn);
    urls.push(entity.entityUrl);
    account.push(entity.accountId === null ? -1 : indexIn(lookups.accounts, dictionaries.accounts, entity.accountId));
    status.push(indexIn(lookups.statuses, dictionaries.statuses, entity.status));
    time.push(entity.lastUpdatedTime === null ? -1 : indexIn(lookups.times, dictionaries.times, entity.lastUpdatedTime));
  }
  return {
    count: values.length,
    values,
    arns: arns.some((arn) => arn !== null) ? arns : null,
    urls: urls.some((url) => url !== null) ? urls : null,
    accounts: dictionaries.accounts,
    accountIndex: Int32Array.from(account),
    statuses: dictionaries.statuses,
    statusIndex: Int32Array.from(status),
    times: dictionaries.times,
    timeIndex: Int32Array.from(time),
    metadata,
  };
}

/** Rows of several pages as one set of columns (only needed beyond one page of 50,000). */
export function joinEntityRowColumns(pages: readonly EntityRowColumns[]): EntityRowColumns {
  if (pages.length === 1 && pages[0] !== undefined) return pages[0];
  function* rowsOf() {
    for (const page of pages) for (let i = 0; i < page.count; i += 1) yield readEntityAt(page, i) as AffectedEntity;
  }
  return toEntityRowColumns(rowsOf());
}
