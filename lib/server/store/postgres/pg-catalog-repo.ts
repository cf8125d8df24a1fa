import type { CatalogRepo } from "@/lib/server/store/contract/store-contract";
import { execute, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

interface RawRow {
  key: string;
  service: string;
  region: string | null;
  name: string;
  region_name: string | null;
}

export function createPgCatalogRepo(db: Queryable): CatalogRepo {
  return {
    async list() {
      const rows = await selectRows<RawRow>(db, "SELECT * FROM catalog_entries ORDER BY key");
      return rows.map((row) => ({ key: row.key, service: row.service, region: row.region, name: row.name, regionName: row.region_name }));
    },
    /** Atomic only inside a transaction (the engine runs writes through `repos` in one). */
    async replace(entries) {
      await execute(db, "DELETE FROM catalog_entries");
      if (entries.length === 0) return;
      await execute(
        db,
        `INSERT INTO catalog_entries (key, service, region, name, region_name)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          entries.map((entry) => entry.key),
          entries.map((entry) => entry.service),
          entries.map((entry) => entry.region),
          entries.map((entry) => entry.name),
          entries.map((entry) => entry.regionName),
        ],
      );
    },
  };
}
