/**
 * The journal of what changed (appended to MIGRATIONS as version 7). AUTOINCREMENT: an id is never reused,
 * even after the newest entries are pruned, so a consumer's "after N" stays meaningful.
 */
export const JOURNAL_MIGRATION = `
  CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject_json TEXT NOT NULL,
    summary_json TEXT NOT NULL,
    region TEXT,
    service TEXT,
    account_id TEXT,
    category TEXT
  );
  CREATE INDEX journal_at ON journal (at);
`;
