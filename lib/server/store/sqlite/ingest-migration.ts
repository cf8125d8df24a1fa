/**
 * Schema of EventBridge page reassembly (appended to MIGRATIONS). A communication is one
 * (affected account, event ARN, communication id without its `-<page>` suffix); each received page is
 * one row, so a restart in the middle of a paged communication keeps what arrived.
 */
export const INGEST_PAGES_MIGRATION = `
  CREATE TABLE ingest_communications (
    account_id TEXT NOT NULL,
    event_arn TEXT NOT NULL,
    communication_base TEXT NOT NULL,
    event_id TEXT NOT NULL,
    total_pages INTEGER NOT NULL,
    first_received_at INTEGER NOT NULL,
    completed_at INTEGER,
    PRIMARY KEY (account_id, event_arn, communication_base)
  ) WITHOUT ROWID;
  CREATE INDEX ingest_communications_pending ON ingest_communications (first_received_at) WHERE completed_at IS NULL;
  CREATE TABLE ingest_pages (
    account_id TEXT NOT NULL,
    event_arn TEXT NOT NULL,
    communication_base TEXT NOT NULL,
    page INTEGER NOT NULL,
    is_backup INTEGER NOT NULL,
    envelope_id TEXT NOT NULL,
    delivery_region TEXT,
    entity_count INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, event_arn, communication_base, page)
  ) WITHOUT ROWID;
`;
