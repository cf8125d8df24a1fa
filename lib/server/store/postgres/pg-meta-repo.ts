import type { MetaRepo } from "@/lib/server/store/contract/store-contract";
import { execute, selectRow, type Queryable } from "@/lib/server/store/postgres/queryable";

export function createPgMetaRepo(db: Queryable): MetaRepo {
  return {
    async get(name) {
      return (await selectRow<{ value: string }>(db, "SELECT value FROM meta WHERE name = $1", [name]))?.value ?? null;
    },
    async set(name, value) {
      await execute(db, "INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [name, value]);
    },
  };
}

export async function deleteMeta(db: Queryable, name: string): Promise<void> {
  await execute(db, "DELETE FROM meta WHERE name = $1", [name]);
}
