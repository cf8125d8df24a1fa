import { z } from "zod";
import type { EntityRowColumns } from "@/lib/client/account/entity-rows";

const envelopeSchema = z.object({
  eventId: z.string(),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  nextOffset: z.number().nullable(),
  format: z.literal("lean"),
  columns: z.object({
    statuses: z.array(z.string()),
    accounts: z.array(z.string()),
    times: z.array(z.string()),
    prefix: z.array(z.unknown()),
    value: z.array(z.unknown()),
    arn: z.array(z.unknown()).nullable(),
    url: z.array(z.unknown()).nullable(),
    status: z.array(z.unknown()),
    account: z.array(z.unknown()),
    time: z.array(z.unknown()),
    metadata: z.record(z.string(), z.record(z.string(), z.string())),
  }),
});

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
 * A `format=lean` page as columns. The envelope and dictionaries are checked by zod; the 50,000 cells of each column
 * by hand in tight loops, because zod costs microseconds a cell on the main thread. Null when anything is off.
 */
export function parseEntityColumns(body: unknown): EntityColumnsPage | null {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const { columns, format: _format, ...page } = envelope.data;
  const count = columns.value.length;
  const sameLength = [columns.prefix, columns.status, columns.account, columns.time, columns.arn ?? columns.value, columns.url ?? columns.value].every((column) => column.length === count);
  if (!sameLength || !isTextOrNull(columns.arn) || !isTextOrNull(columns.url)) return null;
  const values = readValues(columns.prefix, columns.value);
  const statusIndex = readIndexes(columns.status, columns.statuses.length, false);
  const accountIndex = readIndexes(columns.account, columns.accounts.length, true);
  const timeIndex = readIndexes(columns.time, columns.times.length, true);
  if (values === null || statusIndex === null || accountIndex === null || timeIndex === null) return null;
  const rows: EntityRowColumns = { count, values, arns: columns.arn, urls: columns.url, accounts: columns.accounts, accountIndex, statuses: columns.statuses, statusIndex, times: columns.times, timeIndex, metadata: columns.metadata };
  return { ...page, rows };
}
