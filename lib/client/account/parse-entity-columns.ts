import type { EntityRowColumns } from "@/lib/client/account/entity-rows";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

/** Rows' metadata: `{ "<row>": { key: text } }`. */
function isMetadata(value: unknown): value is Record<string, Record<string, string>> {
  return isRecord(value) && Object.values(value).every((row) => isRecord(row) && Object.values(row).every((item) => typeof item === "string"));
}

export interface EntityColumnsPage {
  eventId: string;
  total: number;
  offset: number;
  limit: number;
  nextOffset: number | null;
  rows: EntityRowColumns;
}

/** Each cell an index into a dictionary of `size` entries (-1 allowed when `allowNone`), as a typed array; else null. */
function readIndexes(cells: readonly unknown[], size: number, allowNone: boolean): Int32Array | null {
  const indexes = new Int32Array(cells.length);
  const min = allowNone ? -1 : 0;
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    if (typeof cell !== "number" || !Number.isInteger(cell) || cell < min || cell >= size) return null;
    indexes[i] = cell;
  }
  return indexes;
}

const isTextOrNull = (cells: readonly unknown[] | null): cells is (string | null)[] | null => cells === null || cells.every((cell) => cell === null || typeof cell === "string");

/** Values back from front coding (see EntityColumns.prefix); null when a cell is off. */
function readValues(prefix: readonly unknown[], suffix: readonly unknown[]): string[] | null {
  const values = new Array<string>(suffix.length);
  let previous = "";
  for (let i = 0; i < suffix.length; i += 1) {
    const shared = prefix[i];
    const rest = suffix[i];
    if (typeof rest !== "string" || typeof shared !== "number" || !Number.isInteger(shared) || shared < 0 || shared > previous.length) return null;
    previous = shared === 0 ? rest : previous.slice(0, shared) + rest;
    values[i] = previous;
  }
  return values;
}

/**
 * A `format=lean` page as columns, checked by hand: zod would cost microseconds a cell for 50,000 rows, and loading it
 * (a chunk of its own, kept off the first load) would delay the table by a round trip. Null when anything is off.
 */
export function parseEntityColumns(body: unknown): EntityColumnsPage | null {
  if (!isRecord(body) || body.format !== "lean" || typeof body.eventId !== "string" || !isCount(body.total) || !isCount(body.offset) || !isCount(body.limit)) return null;
  if (body.nextOffset !== null && !isCount(body.nextOffset)) return null;
  const columns = body.columns;
  if (!isRecord(columns) || !isTextList(columns.statuses) || !isTextList(columns.accounts) || !isTextList(columns.times) || !isMetadata(columns.metadata)) return null;
  const { prefix, value, status, account, time } = columns;
  const arn = columns.arn ?? null;
  const url = columns.url ?? null;
  if (!isList(prefix) || !isList(value) || !isList(status) || !isList(account) || !isList(time) || (arn !== null && !isList(arn)) || (url !== null && !isList(url))) return null;
  const count = value.length;
  const sameLength = [prefix, status, account, time, arn ?? value, url ?? value].every((column) => column.length === count);
  if (!sameLength || !isTextOrNull(arn) || !isTextOrNull(url)) return null;
  const values = readValues(prefix, value);
  const statusIndex = readIndexes(status, columns.statuses.length, false);
  const accountIndex = readIndexes(account, columns.accounts.length, true);
  const timeIndex = readIndexes(time, columns.times.length, true);
  if (values === null || statusIndex === null || accountIndex === null || timeIndex === null) return null;
  const rows: EntityRowColumns = { count, values, arns: arn, urls: url, accounts: columns.accounts, accountIndex, statuses: columns.statuses, statusIndex, times: columns.times, timeIndex, metadata: columns.metadata };
  return { eventId: body.eventId, total: body.total, offset: body.offset, limit: body.limit, nextOffset: body.nextOffset, rows };
}
