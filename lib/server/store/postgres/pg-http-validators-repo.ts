import type { HttpValidatorsRepo } from "@/lib/server/store/contract/store-contract";
import type { HttpValidators } from "@/lib/server/store/contract/store-records";
import { execute, selectRow, type Queryable } from "@/lib/server/store/postgres/queryable";

export function createPgHttpValidatorsRepo(db: Queryable): HttpValidatorsRepo {
  return {
    async get(url) {
      const row = await selectRow<{ etag: string | null; last_modified: string | null }>(
        db,
        "SELECT etag, last_modified FROM http_validators WHERE url = $1",
        [url],
      );
      const validators: HttpValidators = {};
      if (row?.etag) validators.etag = row.etag;
      if (row?.last_modified) validators.lastModified = row.last_modified;
      return validators;
    },
    async set(url, validators) {
      if (!validators.etag && !validators.lastModified) {
        await execute(db, "DELETE FROM http_validators WHERE url = $1", [url]);
        return;
      }
      await execute(
        db,
        `INSERT INTO http_validators (url, etag, last_modified) VALUES ($1, $2, $3)
         ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified`,
        [url, validators.etag ?? null, validators.lastModified ?? null],
      );
    },
  };
}
