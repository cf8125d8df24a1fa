/** Every kind of change the journal records; a public contract of `GET /api/v1/changes` (add, never rename). */
export const JOURNAL_KINDS = [
  "public.event.opened",
  "public.event.updated",
  "public.event.resolved",
  "public.event.reopened",
  "public.service.status",
  "account.event.opened",
  "account.event.updated",
  "account.event.closed",
  "account.event.entities",
  "source.state",
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** The ids the API uses elsewhere for the thing that changed. */
export interface JournalSubject {
  eventId?: string;
  arn?: string;
  key?: string;
  accountId?: string;
  sourceId?: string;
}

/** Columns a reader filters on, like the board: null means "not about one region/service/account/category". */
export interface JournalScope {
  region: string | null;
  service: string | null;
  accountId: string | null;
  category: string | null;
}

export type JournalSummary = Record<string, string | number | boolean | null>;

export interface NewJournalEntry {
  /** epoch ms */
  at: number;
  kind: JournalKind;
  subject: JournalSubject;
  /** compact before → after of what changed */
  summary: JournalSummary;
  scope: JournalScope;
}

export interface JournalEntry extends NewJournalEntry {
  /** increasing; entries become visible to readers in id order */
  id: number;
}

/**
 * Lists in a filter are OR within a dimension and AND across dimensions. An entry whose scope has null in a
 * filtered dimension still matches (a source state, a global service): the filter narrows, it never hides
 * what concerns everyone.
 */
export interface JournalFilter {
  regions: readonly string[];
  /** service slugs or Health API service names; compared case-insensitively */
  services: readonly string[];
  accounts: readonly string[];
  categories: readonly string[];
}

export const EMPTY_JOURNAL_FILTER: JournalFilter = { regions: [], services: [], accounts: [], categories: [] };

export interface JournalReader {
  /** Entries with id > after, in id order, at most `limit`. */
  read(after: number, limit: number, filter: JournalFilter): Promise<JournalEntry[]>;
  /** Highest id written so far (0 when empty). */
  latestId(): Promise<number>;
}

export interface JournalWriter {
  /** Appends in the caller's transaction; ids follow commit order (engines serialise appenders). Returns the ids, in order. */
  append(entries: readonly NewJournalEntry[]): Promise<number[]>;
  /** Deletes entries older than `beforeMs` (retention); returns how many. Never touches history tables. */
  prune(beforeMs: number): Promise<number>;
}
