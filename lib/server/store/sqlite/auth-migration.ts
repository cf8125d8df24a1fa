/** Display and API tokens (hashed) and the audit log (appended to MIGRATIONS as the next version). */
export const AUTH_MIGRATION = `
  CREATE TABLE auth_tokens (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    scopes_json TEXT NOT NULL,
    view_path TEXT,
    accounts_json TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER,
    last_used_at INTEGER,
    last_used_address TEXT
  );
  CREATE INDEX auth_tokens_kind ON auth_tokens (kind, created_at);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT,
    address TEXT
  );
`;
