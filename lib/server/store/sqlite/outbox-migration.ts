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
