/**
 * The PostgreSQL schema: the tables and columns of the SQLite MIGRATIONS, plus the journal. Append-only: each
 * entry moves the schema from version i to i+1 (schema_migrations). Never edit a shipped step.
 *
 * Types: epoch times are BIGINT (read back as JS numbers, see open-postgres-engine); flags stay SMALLINT 0/1
 * as in SQLite, so both engines' rows compare the same way. Every text column is COLLATE "C": SQLite compares
 * and sorts text bytewise, and so do ORDER BY, indexes, ILIKE and UPPER on a "C" column, whatever the
 * database's locale.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE source_state (
    id TEXT COLLATE "C" PRIMARY KEY,
    last_attempt_at BIGINT,
    last_success_at BIGINT,
    last_error TEXT COLLATE "C",
    last_error_at BIGINT,
    note TEXT COLLATE "C"
  );
  CREATE TABLE http_validators (
    url TEXT COLLATE "C" PRIMARY KEY,
    etag TEXT COLLATE "C",
    last_modified TEXT COLLATE "C"
  );
  CREATE TABLE catalog_entries (
    key TEXT COLLATE "C" PRIMARY KEY,
    service TEXT COLLATE "C" NOT NULL,
    region TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    region_name TEXT COLLATE "C"
  );
  CREATE TABLE public_updates (
    key TEXT COLLATE "C" NOT NULL,
    at BIGINT NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    resolved SMALLINT NOT NULL,
    summary TEXT COLLATE "C" NOT NULL,
    message TEXT COLLATE "C" NOT NULL,
    origin TEXT COLLATE "C" NOT NULL,
    first_seen_at BIGINT NOT NULL,
    PRIMARY KEY (key, at)
  );
  CREATE TABLE current_events (
    arn TEXT COLLATE "C" PRIMARY KEY,
    key TEXT COLLATE "C" NOT NULL,
    region TEXT COLLATE "C",
    service_name TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    resolved SMALLINT NOT NULL,
    summary TEXT COLLATE "C" NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    impacted_json TEXT COLLATE "C" NOT NULL,
    in_feed SMALLINT NOT NULL,
    last_seen_at BIGINT NOT NULL
  );
  CREATE INDEX current_events_key ON current_events (key);
  CREATE TABLE public_events (
    id TEXT COLLATE "C" PRIMARY KEY,
    arn TEXT COLLATE "C",
    key TEXT COLLATE "C" NOT NULL,
    service TEXT COLLATE "C" NOT NULL,
    region TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL,
    summary TEXT COLLATE "C" NOT NULL,
    resolved SMALLINT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    last_update_at BIGINT NOT NULL,
    impacted_json TEXT COLLATE "C" NOT NULL,
    updates_json TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX public_events_key ON public_events (key);
  CREATE INDEX public_events_open ON public_events (resolved);
  CREATE INDEX public_events_started ON public_events (started_at);
  CREATE TABLE meta (
    name TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
  );
  `,
  `
  CREATE TABLE account_events (
    id TEXT COLLATE "C" PRIMARY KEY,
    arn TEXT COLLATE "C" NOT NULL,
    account_id TEXT COLLATE "C" NOT NULL,
    service TEXT COLLATE "C" NOT NULL,
    event_type_code TEXT COLLATE "C" NOT NULL,
    category TEXT COLLATE "C" NOT NULL,
    region TEXT COLLATE "C",
    availability_zone TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL,
    scope TEXT COLLATE "C",
    start_time BIGINT,
    end_time BIGINT,
    last_updated_time BIGINT,
    description TEXT COLLATE "C" NOT NULL,
    metadata_json TEXT COLLATE "C" NOT NULL,
    actionability TEXT COLLATE "C",
    personas_json TEXT COLLATE "C" NOT NULL,
    origins TEXT COLLATE "C" NOT NULL,
    entity_counts_json TEXT COLLATE "C" NOT NULL,
    first_seen_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    entities_version INTEGER NOT NULL DEFAULT 0,
    UNIQUE (arn, account_id)
  );
  CREATE INDEX account_events_status ON account_events (status);
  CREATE INDEX account_events_updated ON account_events (last_updated_time);
  CREATE TABLE account_event_updates (
    event_id TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    at BIGINT NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (event_id, seq)
  );
  CREATE TABLE account_entities (
    event_id TEXT COLLATE "C" NOT NULL,
    entity_key TEXT COLLATE "C" NOT NULL,
    entity_arn TEXT COLLATE "C",
    entity_value TEXT COLLATE "C" NOT NULL,
    entity_url TEXT COLLATE "C",
    account_id TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL,
    last_updated_time BIGINT,
    metadata_json TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (event_id, entity_key)
  );
  -- Entity pages are sorted by value (the default) or status within one event.
  CREATE INDEX account_entities_value ON account_entities (event_id, entity_value, entity_key);
  CREATE INDEX account_entities_status ON account_entities (event_id, status, entity_key);
  CREATE TABLE ingest_receipts (
    account_id TEXT COLLATE "C" NOT NULL,
    event_arn TEXT COLLATE "C" NOT NULL,
    communication_id TEXT COLLATE "C" NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, event_arn, communication_id)
  );
  `,
  `
  CREATE TABLE ingest_communications (
    account_id TEXT COLLATE "C" NOT NULL,
    event_arn TEXT COLLATE "C" NOT NULL,
    communication_base TEXT COLLATE "C" NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL,
    total_pages INTEGER NOT NULL,
    first_received_at BIGINT NOT NULL,
    completed_at BIGINT,
    PRIMARY KEY (account_id, event_arn, communication_base)
  );
  CREATE INDEX ingest_communications_pending ON ingest_communications (first_received_at) WHERE completed_at IS NULL;
  CREATE TABLE ingest_pages (
    account_id TEXT COLLATE "C" NOT NULL,
    event_arn TEXT COLLATE "C" NOT NULL,
    communication_base TEXT COLLATE "C" NOT NULL,
    page INTEGER NOT NULL,
    is_backup SMALLINT NOT NULL,
    envelope_id TEXT COLLATE "C" NOT NULL,
    delivery_region TEXT COLLATE "C",
    entity_count INTEGER NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, event_arn, communication_base, page)
  );
  `,
  `
  CREATE TABLE account_sync_targets (
    target_key TEXT COLLATE "C" PRIMARY KEY,
    cursor_ms BIGINT,
    last_sweep_at BIGINT
  );
  CREATE TABLE account_sync_events (
    target_key TEXT COLLATE "C" NOT NULL,
    arn TEXT COLLATE "C" NOT NULL,
    last_updated_time BIGINT,
    status TEXT COLLATE "C" NOT NULL,
    is_complete SMALLINT NOT NULL,
    synced_at BIGINT NOT NULL,
    PRIMARY KEY (target_key, arn)
  );
  CREATE TABLE account_sync_org_status (
    account_id TEXT COLLATE "C" PRIMARY KEY,
    status TEXT COLLATE "C" NOT NULL,
    checked_at BIGINT NOT NULL
  );
  `,
  // journal_head holds the last id ever given out: ids are never reused, even after a prune empties the journal.
  `
  CREATE TABLE journal (
    id BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    subject_json TEXT COLLATE "C" NOT NULL,
    summary_json TEXT COLLATE "C" NOT NULL,
    region TEXT COLLATE "C",
    service TEXT COLLATE "C",
    account_id TEXT COLLATE "C",
    category TEXT COLLATE "C"
  );
  CREATE INDEX journal_at ON journal (at);
  CREATE TABLE journal_head (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    last_id BIGINT NOT NULL
  );
  INSERT INTO journal_head (only_row, last_id) VALUES (TRUE, 0);
  `,
  // The notifications outbox: a row per (channel, event, kind, journal id), claimed with FOR UPDATE SKIP LOCKED.
  `
  CREATE TABLE notify_deliveries (
    id BIGSERIAL PRIMARY KEY,
    idempotency_key TEXT COLLATE "C" NOT NULL UNIQUE,
    channel TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL,
    journal_id BIGINT NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    deadline_at BIGINT NOT NULL,
    last_error TEXT,
    last_status INTEGER,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    message_json TEXT NOT NULL
  );
  CREATE INDEX notify_deliveries_queued ON notify_deliveries (next_attempt_at) WHERE status = 'queued';
  CREATE INDEX notify_deliveries_event ON notify_deliveries (channel, event_id, id) WHERE status = 'queued';
  CREATE INDEX notify_deliveries_channel ON notify_deliveries (channel, id);
  CREATE TABLE notify_channels (
    channel TEXT COLLATE "C" PRIMARY KEY,
    target_hash TEXT COLLATE "C" NOT NULL,
    broken_at BIGINT NOT NULL,
    reason TEXT NOT NULL
  );
  `,
  // Storms and the delivery log: security first, folded deliveries name their digest, every attempt is a row.
  `
  ALTER TABLE notify_deliveries ADD COLUMN is_security BOOLEAN NOT NULL DEFAULT FALSE;
  ALTER TABLE notify_deliveries ADD COLUMN folded_into BIGINT;
  ALTER TABLE notify_deliveries ADD COLUMN change_json TEXT;
  CREATE INDEX notify_deliveries_folded ON notify_deliveries (folded_into) WHERE folded_into IS NOT NULL;
  CREATE TABLE notify_attempts (
    id BIGSERIAL PRIMARY KEY,
    delivery_id BIGINT NOT NULL,
    channel TEXT COLLATE "C" NOT NULL,
    at BIGINT NOT NULL,
    outcome TEXT COLLATE "C" NOT NULL,
    response_status INTEGER,
    error TEXT,
    duration_ms INTEGER,
    response_text TEXT
  );
  CREATE INDEX notify_attempts_delivery ON notify_attempts (delivery_id, id);
  CREATE INDEX notify_attempts_channel ON notify_attempts (channel, id);
  `,
  // Display and API tokens (hashed) and the audit log.
  `
  CREATE TABLE auth_tokens (
    id TEXT COLLATE "C" PRIMARY KEY,
    kind TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    secret_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    scopes_json TEXT NOT NULL,
    view_path TEXT COLLATE "C",
    accounts_json TEXT,
    created_at BIGINT NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    last_used_at BIGINT,
    last_used_address TEXT COLLATE "C"
  );
  CREATE INDEX auth_tokens_kind ON auth_tokens (kind, created_at);
  CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    subject TEXT COLLATE "C",
    detail TEXT COLLATE "C",
    address TEXT COLLATE "C"
  );
  `,
];
