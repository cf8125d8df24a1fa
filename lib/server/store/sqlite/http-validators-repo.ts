import type { HttpValidatorsRepo } from "@/lib/server/store/contract/store-contract";
import type { HttpValidators } from "@/lib/server/store/contract/store-records";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

export function createHttpValidatorsRepo(db: SqliteDatabase): HttpValidatorsRepo {
  const select = db.prepare<[string], { etag: string | null; last_modified: string | null }>(
    "SELECT etag, last_modified FROM http_validators WHERE url = ?",
  );
  const upsert = db.prepare(
    "INSERT INTO http_validators (url, etag, last_modified) VALUES (?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
  );
  const remove = db.prepare("DELETE FROM http_validators WHERE url = ?");

  return {
    async get(url) {
      const row = select.get(url);
      const validators: HttpValidators = {};
      if (row?.etag) validators.etag = row.etag;
      if (row?.last_modified) validators.lastModified = row.last_modified;
      return validators;
    },
    async set(url, validators) {
      if (!validators.etag && !validators.lastModified) {
        remove.run(url);
        return;
      }
      upsert.run(url, validators.etag ?? null, validators.lastModified ?? null);
    },
  };
}

