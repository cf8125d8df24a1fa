import type { MetaRepo } from "@/lib/server/store/contract/store-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

export function createMetaRepo(db: SqliteDatabase): MetaRepo {
  const select = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const upsert = db.prepare("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value");
  const insertIfAbsent = db.prepare("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING");
  const deleteIfSame = db.prepare("DELETE FROM meta WHERE name = ? AND value = ?");
  const updateIfSame = db.prepare("UPDATE meta SET value = ? WHERE name = ? AND value = ?");
  return {
    async get(name) {
      return select.get(name)?.value ?? null;
    },
    async set(name, value) {
      upsert.run(name, value);
    },
    async compareAndSet(name, expected, next) {
      if (expected === null && next === null) return select.get(name) === undefined;
      if (expected === null) return insertIfAbsent.run(name, next).changes === 1;
      if (next === null) return deleteIfSame.run(name, expected).changes === 1;
      return updateIfSame.run(next, name, expected).changes === 1;
    },
  };
}
