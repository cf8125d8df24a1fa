import type { MetaRepo } from "@/lib/server/store/contract/store-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

export function createMetaRepo(db: SqliteDatabase): MetaRepo {
  const select = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const upsert = db.prepare("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value");
  return {
    async get(name) {
      return select.get(name)?.value ?? null;
    },
    async set(name, value) {
      upsert.run(name, value);
    },
  };
}
