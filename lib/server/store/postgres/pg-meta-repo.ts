import type { MetaRepo } from "@/lib/server/store/contract/store-contract";
import { execute, selectRow, type Queryable } from "@/lib/server/store/postgres/queryable";

export function createPgMetaRepo(db: Queryable): MetaRepo {
  async function get(name: string): Promise<string | null> {
    return (await selectRow<{ value: string }>(db, "SELECT value FROM meta WHERE name = $1", [name]))?.value ?? null;
  }
  return {
    get,
    async set(name, value) {
      await execute(db, "INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [name, value]);
    },
    // Under READ COMMITTED a concurrent writer's row lock makes the second statement re-check `value`, so one wins.
    async compareAndSet(name, expected, next) {
      if (expected === null && next === null) return (await get(name)) === null;
      if (expected === null) return (await execute(db, "INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [name, next])) === 1;
      if (next === null) return (await execute(db, "DELETE FROM meta WHERE name = $1 AND value = $2", [name, expected])) === 1;
      return (await execute(db, "UPDATE meta SET value = $3 WHERE name = $1 AND value = $2", [name, expected, next])) === 1;
    },
  };
}

export async function deleteMeta(db: Queryable, name: string): Promise<void> {
  await execute(db, "DELETE FROM meta WHERE name = $1", [name]);
}
