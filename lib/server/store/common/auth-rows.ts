import type { AuditEntry, AuthTokenKind, AuthTokenRecord } from "@/lib/server/store/contract/auth-contract";
import { z } from "zod";

export interface AuthTokenRow {
  id: string;
  kind: string;
  name: string;
  secret_hash: string;
  scopes_json: string;
  view_path: string | null;
  accounts_json: string | null;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  last_used_address: string | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  detail: string | null;
  address: string | null;
}

const stringList = z.array(z.string());

/** Written by us; an unreadable list grants nothing rather than crashing. */
function parseList(json: string): string[] {
  try {
    return stringList.catch([]).parse(JSON.parse(json));
  } catch {
    return [];
  }
}

export function toAuthToken(row: AuthTokenRow): AuthTokenRecord {
  return {
    id: row.id,
    kind: row.kind as AuthTokenKind,
    name: row.name,
    secretHash: row.secret_hash,
    scopes: parseList(row.scopes_json),
    viewPath: row.view_path,
    accounts: row.accounts_json === null ? null : parseList(row.accounts_json),
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    lastUsedAddress: row.last_used_address,
  };
}

export function toAuthTokenParams(record: AuthTokenRecord): unknown[] {
  return [
    record.id,
    record.kind,
    record.name,
    record.secretHash,
    JSON.stringify(record.scopes),
    record.viewPath,
    record.accounts === null ? null : JSON.stringify(record.accounts),
    record.createdAt,
    record.createdBy,
    record.expiresAt,
    record.revokedAt,
    record.lastUsedAt,
    record.lastUsedAddress,
  ];
}

export const AUTH_TOKEN_COLUMNS =
  "id, kind, name, secret_hash, scopes_json, view_path, accounts_json, created_at, created_by, expires_at, revoked_at, last_used_at, last_used_address";

export function toAuditEntry(row: AuditRow): AuditEntry {
  return { ...row, id: Number(row.id), at: Number(row.at) };
}

/** Audit text is bounded: a hostile user name must not grow the table without limit. */
export const cutAuditText = (value: string | null, max = 500): string | null => (value === null ? null : value.slice(0, max));
