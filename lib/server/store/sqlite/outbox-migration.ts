/** The notifications outbox (appended to MIGRATIONS as version 8). */
export const OUTBOX_MIGRATION = `
  CREATE TABLE notify_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    event_id TEXT NOT NULL,
    journal_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    deadline_at INTEGER NOT NULL,
    last_error TEXT,
    last_status INTEGER,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    message_json TEXT NOT NULL
  );
  CREATE INDEX notify_deliveries_queued ON notify_deliveries (next_attempt_at) WHERE status = 'queued';
  CREATE INDEX notify_deliveries_event ON notify_deliveries (channel, event_id, id) WHERE status = 'queued';
  CREATE INDEX notify_deliveries_channel ON notify_deliveries (channel, id);
  CREATE TABLE notify_channels (
    channel TEXT PRIMARY KEY,
    target_hash TEXT NOT NULL,
    broken_at INTEGER NOT NULL,
    reason TEXT NOT NULL
  );
`;

/**
 * Storms and the delivery log (appended to MIGRATIONS as version 9): security first, folded deliveries name their
 * digest, the change is kept for the digest's list, and every attempt is a row.
 */
export const DELIVERY_LOG_MIGRATION = `
  ALTER TABLE notify_deliveries ADD COLUMN is_security INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE notify_deliveries ADD COLUMN folded_into INTEGER;
  ALTER TABLE notify_deliveries ADD COLUMN change_json TEXT;
  CREATE INDEX notify_deliveries_folded ON notify_deliveries (folded_into) WHERE folded_into IS NOT NULL;
  CREATE TABLE notify_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    response_status INTEGER,
    error TEXT,
    duration_ms INTEGER,
    response_text TEXT
  );
  CREATE INDEX notify_attempts_delivery ON notify_attempts (delivery_id, id);
  CREATE INDEX notify_attempts_channel ON notify_attempts (channel, id);
`;
