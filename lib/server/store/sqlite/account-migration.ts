/** Schema of the account-health half (appended to MIGRATIONS as version 2). */
export const ACCOUNT_HEALTH_MIGRATION = `
  CREATE TABLE account_events (
    id TEXT PRIMARY KEY,
    arn TEXT NOT NULL,
    account_id TEXT NOT NULL,
    service TEXT NOT NULL,
    event_type_code TEXT NOT NULL,
    category TEXT NOT NULL,
    region TEXT,
    availability_zone TEXT,
    status TEXT NOT NULL,
    scope TEXT,
    start_time INTEGER,
    end_time INTEGER,
    last_updated_time INTEGER,
    description TEXT NOT NULL,
    metadata_json TEXT NOT NULL,
    actionability TEXT,
    personas_json TEXT NOT NULL,
    origins TEXT NOT NULL,
    entity_counts_json TEXT NOT NULL,
    first_seen_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (arn, account_id)
  );
  CREATE INDEX account_events_status ON account_events (status);
  CREATE INDEX account_events_updated ON account_events (last_updated_time);
  CREATE TABLE account_event_updates (
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE account_entities (
    event_id TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    entity_arn TEXT,
    entity_value TEXT NOT NULL,
    entity_url TEXT,
    account_id TEXT,
    status TEXT NOT NULL,
    last_updated_time INTEGER,
    metadata_json TEXT NOT NULL,
    PRIMARY KEY (event_id, entity_key)
  ) WITHOUT ROWID;
  CREATE TABLE ingest_receipts (
    account_id TEXT NOT NULL,
    event_arn TEXT NOT NULL,
    communication_id TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, event_arn, communication_id)
  ) WITHOUT ROWID;
`;
