import { ACCOUNT_HEALTH_MIGRATION } from "@/lib/server/store/sqlite/account-migration";
import { ACCOUNT_SYNC_MIGRATION } from "@/lib/server/store/sqlite/account-sync-migration";
import { INGEST_PAGES_MIGRATION } from "@/lib/server/store/sqlite/ingest-migration";
import { JOURNAL_MIGRATION } from "@/lib/server/store/sqlite/journal-migration";
import { DELIVERY_LOG_MIGRATION, OUTBOX_MIGRATION } from "@/lib/server/store/sqlite/outbox-migration";
import { AUTH_MIGRATION } from "@/lib/server/store/sqlite/auth-migration";

/** Append-only: each entry moves the schema from user_version i to i+1. Never edit a shipped migration. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE source_state (
    id TEXT PRIMARY KEY,
    last_attempt_at INTEGER,
    last_success_at INTEGER,
    last_error TEXT,
    last_error_at INTEGER,
    note TEXT
  );
  CREATE TABLE http_validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT
  );
  CREATE TABLE catalog_entries (
    key TEXT PRIMARY KEY,
    service TEXT NOT NULL,
    region TEXT,
    name TEXT NOT NULL,
    region_name TEXT
  );
  CREATE TABLE public_updates (
    key TEXT NOT NULL,
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    summary TEXT NOT NULL,
    message TEXT NOT NULL,
    origin TEXT NOT NULL,
    first_seen_at INTEGER NOT NULL,
    PRIMARY KEY (key, at)
  ) WITHOUT ROWID;
  CREATE TABLE current_events (
    arn TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    region TEXT,
    service_name TEXT NOT NULL,
    status TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    summary TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    impacted_json TEXT NOT NULL,
    in_feed INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE INDEX current_events_key ON current_events (key);
  CREATE TABLE public_events (
    id TEXT PRIMARY KEY,
    arn TEXT,
    key TEXT NOT NULL,
    service TEXT NOT NULL,
    region TEXT,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    last_update_at INTEGER NOT NULL,
    impacted_json TEXT NOT NULL,
    updates_json TEXT NOT NULL
  );
  CREATE INDEX public_events_key ON public_events (key);
  CREATE INDEX public_events_open ON public_events (resolved);
  CREATE INDEX public_events_started ON public_events (started_at);
  CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  ACCOUNT_HEALTH_MIGRATION,
  INGEST_PAGES_MIGRATION,
  ACCOUNT_SYNC_MIGRATION,
  // Entity pages are sorted by value (the default) or status within one event.
  `CREATE INDEX account_entities_value ON account_entities (event_id, entity_value, entity_key);
   CREATE INDEX account_entities_status ON account_entities (event_id, status, entity_key);`,
  // Rises when an event's stored resources change: caches of its pages key on it, not on every write to the store.
  `ALTER TABLE account_events ADD COLUMN entities_version INTEGER NOT NULL DEFAULT 0;`,
  JOURNAL_MIGRATION,
  OUTBOX_MIGRATION,
  DELIVERY_LOG_MIGRATION,
  AUTH_MIGRATION,
];
