/** Schema of the Health API poller's bookkeeping (appended to MIGRATIONS as version 4, after the ingest pages). */
export const ACCOUNT_SYNC_MIGRATION = `
  CREATE TABLE account_sync_targets (
    target_key TEXT PRIMARY KEY,
    cursor_ms INTEGER,
    last_sweep_at INTEGER
  );
  CREATE TABLE account_sync_events (
    target_key TEXT NOT NULL,
    arn TEXT NOT NULL,
    last_updated_time INTEGER,
    status TEXT NOT NULL,
    is_complete INTEGER NOT NULL,
    synced_at INTEGER NOT NULL,
    PRIMARY KEY (target_key, arn)
  ) WITHOUT ROWID;
  CREATE TABLE account_sync_org_status (
    account_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    checked_at INTEGER NOT NULL
  );
`;
