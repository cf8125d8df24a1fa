import type { CatalogRepo } from "@/lib/server/store/contract/store-contract";
import type { CatalogEntry } from "@/lib/server/domain/public-status-records";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

interface RawRow {
  key: string;
  service: string;
  region: string | null;
  name: string;
  region_name: string | null;
}

export function createCatalogRepo(db: SqliteDatabase): CatalogRepo {
  const selectAll = db.prepare<[], RawRow>("SELECT * FROM catalog_entries ORDER BY key");
  const clear = db.prepare("DELETE FROM catalog_entries");
  const insert = db.prepare(
    "INSERT INTO catalog_entries (key, service, region, name, region_name) VALUES (?, ?, ?, ?, ?)",
  );

  return {
    async list() {
      return selectAll.all().map((row) => ({
        key: row.key,
        service: row.service,
        region: row.region,
        name: row.name,
        regionName: row.region_name,
      }));
    },
    async replace(entries: readonly CatalogEntry[]) {
      clear.run();
      for (const entry of entries) insert.run(entry.key, entry.service, entry.region, entry.name, entry.regionName);
    },
  };
}

