import { AUTH_TOKEN_COLUMNS, cutAuditText, toAuditEntry, toAuthToken, toAuthTokenParams, type AuditRow, type AuthTokenRow } from "@/lib/server/store/common/auth-rows";
import type { AuditLogRepo, AuthTokensRepo } from "@/lib/server/store/contract/auth-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

export function createAuthTokensRepo(db: SqliteDatabase): AuthTokensRepo {
  const insert = db.prepare(`INSERT INTO auth_tokens (${AUTH_TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byHash = db.prepare<[string], AuthTokenRow>("SELECT * FROM auth_tokens WHERE secret_hash = ?");
  const byId = db.prepare<[string], AuthTokenRow>("SELECT * FROM auth_tokens WHERE id = ?");
  const byKind = db.prepare<[string], AuthTokenRow>("SELECT * FROM auth_tokens WHERE kind = ? ORDER BY created_at DESC, id DESC");
  const revoke = db.prepare("UPDATE auth_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
  const used = db.prepare("UPDATE auth_tokens SET last_used_at = ?, last_used_address = ? WHERE id = ?");
  return {
    async create(record) {
      insert.run(...toAuthTokenParams(record));
    },
    async findBySecretHash(secretHash) {
      const row = byHash.get(secretHash);
      return row ? toAuthToken(row) : null;
    },
    async getById(id) {
      const row = byId.get(id);
      return row ? toAuthToken(row) : null;
    },
    async list(kind) {
      return byKind.all(kind).map(toAuthToken);
    },
    async revoke(id, at) {
      return revoke.run(at, id).changes > 0;
    },
    async markUsed(id, at, address) {
      used.run(at, cutAuditText(address, 100), id);
    },
  };
}

export function createAuditLogRepo(db: SqliteDatabase): AuditLogRepo {
  const insert = db.prepare("INSERT INTO audit_log (at, actor, action, subject, detail, address) VALUES (?, ?, ?, ?, ?, ?)");
  const newest = db.prepare<[number], AuditRow>("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?");
  const before = db.prepare<[number, number], AuditRow>("SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?");
  return {
    async append(entry) {
      insert.run(entry.at, cutAuditText(entry.actor, 200), cutAuditText(entry.action, 100), cutAuditText(entry.subject), cutAuditText(entry.detail), cutAuditText(entry.address, 100));
    },
    async list(query) {
      const rows = query.before === null ? newest.all(query.limit) : before.all(query.before, query.limit);
      return rows.map(toAuditEntry);
    },
  };
}
