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
