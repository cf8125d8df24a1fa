import type { SqliteDatabase } from "@/lib/server/store/open-database";

export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

export function createHttpValidatorsRepo(db: SqliteDatabase) {
  const select = db.prepare<[string], { etag: string | null; last_modified: string | null }>(
    "SELECT etag, last_modified FROM http_validators WHERE url = ?",
  );
  const upsert = db.prepare(
    "INSERT INTO http_validators (url, etag, last_modified) VALUES (?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
  );
  const remove = db.prepare("DELETE FROM http_validators WHERE url = ?");

  return {
    get(url: string): HttpValidators {
      const row = select.get(url);
      const validators: HttpValidators = {};
      if (row?.etag) validators.etag = row.etag;
      if (row?.last_modified) validators.lastModified = row.last_modified;
      return validators;
    },
    set(url: string, validators: HttpValidators): void {
      if (!validators.etag && !validators.lastModified) {
        remove.run(url);
        return;
      }
      upsert.run(url, validators.etag ?? null, validators.lastModified ?? null);
    },
  };
}

export type HttpValidatorsRepo = ReturnType<typeof createHttpValidatorsRepo>;
