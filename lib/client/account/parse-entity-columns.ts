import { z } from "zod";
import type { AffectedEntity, EntitiesResponse } from "@/lib/shared/account-health-contract";

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
    value: z.array(z.unknown()),
    arn: z.array(z.unknown()).nullable(),
    url: z.array(z.unknown()).nullable(),
    status: z.array(z.unknown()),
    account: z.array(z.unknown()),
    time: z.array(z.unknown()),
    metadata: z.record(z.string(), z.record(z.string(), z.string())),
  }),
});

const isIndexInto = (value: unknown, length: number, allowNone: boolean): value is number =>
  typeof value === "number" && Number.isInteger(value) && value < length && (value >= 0 || (allowNone && value === -1));

/**
 * A `format=lean` page turned back into rows. The envelope and dictionaries are checked by zod; the per-row cells
 * (50,000 of each) by hand, because zod costs microseconds a cell on the main thread. Null when anything is off.
 */
export function parseEntityColumns(body: unknown): EntitiesResponse | null {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const { columns, ...page } = envelope.data;
  const count = columns.value.length;
  if ([columns.status, columns.account, columns.time, columns.arn ?? columns.value, columns.url ?? columns.value].some((column) => column.length !== count)) return null;
  const entities = new Array<AffectedEntity>(count);
  const hasMetadata = Object.keys(columns.metadata).length > 0;
  for (let i = 0; i < count; i += 1) {
    const value = columns.value[i];
    const arn = columns.arn === null ? null : columns.arn[i];
    const url = columns.url === null ? null : columns.url[i];
    const status = columns.status[i];
    const account = columns.account[i];
    const time = columns.time[i];
    if (typeof value !== "string" || (arn !== null && typeof arn !== "string") || (url !== null && typeof url !== "string")) return null;
    if (!isIndexInto(status, columns.statuses.length, false) || !isIndexInto(account, columns.accounts.length, true) || !isIndexInto(time, columns.times.length, true)) return null;
    entities[i] = {
      entityArn: arn as string | null, // checked just above
      entityValue: value,
      entityUrl: url as string | null, // checked just above
      accountId: account === -1 ? null : (columns.accounts[account] as string),
      status: columns.statuses[status] as string,
      lastUpdatedTime: time === -1 ? null : (columns.times[time] as string),
      metadata: (hasMetadata ? columns.metadata[String(i)] : undefined) ?? {},
    };
  }
  return { eventId: page.eventId, total: page.total, offset: page.offset, limit: page.limit, nextOffset: page.nextOffset, entities };
}
