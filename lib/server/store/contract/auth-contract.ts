/** Display and API tokens and the audit log: who may read without signing in, and who did what. */
export type AuthTokenKind = "display" | "api";

export interface AuthTokenRecord {
  id: string;
  kind: AuthTokenKind;
  name: string;
  /** SHA-256 of the secret, hex: the secret itself is never stored */
  secretHash: string;
  /** API tokens: read-status, read-account, ingest, feeds; display tokens: read-status, read-account */
  scopes: string[];
  /** display tokens: the saved view (a /noc URL with its scope) the screen opens */
  viewPath: string | null;
  /** the only accounts this token reads; null: every account */
  accounts: string[] | null;
  createdAt: number;
  createdBy: string;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  lastUsedAddress: string | null;
}

export interface AuthTokensRepo {
  create(record: AuthTokenRecord): Promise<void>;
  findBySecretHash(secretHash: string): Promise<AuthTokenRecord | null>;
  getById(id: string): Promise<AuthTokenRecord | null>;
  /** newest first */
  list(kind: AuthTokenKind): Promise<AuthTokenRecord[]>;
  /** false when there is no such token or it was revoked already */
  revoke(id: string, at: number): Promise<boolean>;
  markUsed(id: string, at: number, address: string | null): Promise<void>;
}

export interface AuditEntry {
  id: number;
  at: number;
  /** who: a user name, a token's name, or "anonymous" */
  actor: string;
  /** e.g. sign-in, sign-in-failed, sign-out, token-created, token-used, token-revoked */
  action: string;
  subject: string | null;
  detail: string | null;
  address: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, "id">;

export interface AuditLogRepo {
  append(entry: NewAuditEntry): Promise<void>;
  /** newest first; `before` pages back by id */
  list(query: { before: number | null; limit: number }): Promise<AuditEntry[]>;
}
