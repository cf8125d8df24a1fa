import { z } from "zod";

/**
 * `GET /api/v1/account/events/<id>/entities?format=lean`: the same page as the default format, with the rows as
 * columns. Repeated values (status, account, last update) are indexes into small dictionaries, so 50,000 rows are a
 * fraction of the bytes and parse as a few flat arrays instead of 50,000 objects.
 */
export interface EntityColumns {
  /** distinct statuses; `status[i]` indexes this */
  statuses: string[];
  /** distinct account ids; `account[i]` indexes this, -1 = none */
  accounts: string[];
  /** distinct last-update instants (ISO 8601); `time[i]` indexes this, -1 = none */
  times: string[];
  /**
   * Front coding: row i's value is the first `prefix[i]` characters of row i-1's value followed by `value[i]`. Rows
   * sorted by value share long prefixes (ARNs), so this is most of the bytes saved.
   */
  prefix: number[];
  value: string[];
  /** null when no row has one */
  arn: (string | null)[] | null;
  /** null when no row has one */
  url: (string | null)[] | null;
  status: number[];
  account: number[];
  time: number[];
  /** only rows with metadata, keyed by their position in the page */
  metadata: Record<string, Record<string, string>>;
}

export interface EntityColumnsResponse {
  eventId: string;
  total: number;
  offset: number;
  limit: number;
  nextOffset: number | null;
  format: "lean";
  columns: EntityColumns;
}

/** The zod form of EntityColumnsResponse, for the OpenAPI document; `AssertSame` keeps the two in step. */
export const entityColumnsResponseSchema = z.object({
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
    prefix: z.array(z.number()),
    value: z.array(z.string()),
    arn: z.array(z.string().nullable()).nullable(),
    url: z.array(z.string().nullable()).nullable(),
    status: z.array(z.number()),
    account: z.array(z.number()),
    time: z.array(z.number()),
    metadata: z.record(z.string(), z.record(z.string(), z.string())),
  }),
});
type AssertSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const ENTITY_COLUMNS_SCHEMA_MATCHES: AssertSame<z.infer<typeof entityColumnsResponseSchema>, EntityColumnsResponse> = true;
