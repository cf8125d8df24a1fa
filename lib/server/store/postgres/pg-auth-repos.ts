import { AUTH_TOKEN_COLUMNS, cutAuditText, toAuditEntry, toAuthToken, toAuthTokenParams, type AuditRow, type AuthTokenRow } from "@/lib/server/store/common/auth-rows";
import type { AuditLogRepo, AuthTokensRepo } from "@/lib/server/store/contract/auth-contract";
import { execute, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

export function createPgAuthTokensRepo(db: Queryable): AuthTokensRepo {
  const one = async (sql: string, params: unknown[]) => {
    const [row] = await selectRows<AuthTokenRow>(db, sql, params);
    return row ? toAuthToken(row) : null;
  };
  return {
    async create(record) {
      await execute(db, `INSERT INTO auth_tokens (${AUTH_TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, toAuthTokenParams(record));
    },
    findBySecretHash: (secretHash) => one("SELECT * FROM auth_tokens WHERE secret_hash = $1", [secretHash]),
    getById: (id) => one("SELECT * FROM auth_tokens WHERE id = $1", [id]),
    async list(kind) {
      return (await selectRows<AuthTokenRow>(db, "SELECT * FROM auth_tokens WHERE kind = $1 ORDER BY created_at DESC, id DESC", [kind])).map(toAuthToken);
    },
    async revoke(id, at) {
      return (await execute(db, "UPDATE auth_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [at, id])) > 0;
    },
    async markUsed(id, at, address) {
      await execute(db, "UPDATE auth_tokens SET last_used_at = $1, last_used_address = $2 WHERE id = $3", [at, cutAuditText(address, 100), id]);
    },
  };
}

export function createPgAuditLogRepo(db: Queryable): AuditLogRepo {
  return {
    async append(entry) {
      await execute(db, "INSERT INTO audit_log (at, actor, action, subject, detail, address) VALUES ($1, $2, $3, $4, $5, $6)", [
        entry.at,
        cutAuditText(entry.actor, 200),
        cutAuditText(entry.action, 100),
        cutAuditText(entry.subject),
        cutAuditText(entry.detail),
        cutAuditText(entry.address, 100),
      ]);
    },
    async list(query) {
      const rows =
        query.before === null
          ? await selectRows<AuditRow>(db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT $1", [query.limit])
          : await selectRows<AuditRow>(db, "SELECT * FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2", [query.before, query.limit]);
      return rows.map(toAuditEntry);
    },
  };
}
