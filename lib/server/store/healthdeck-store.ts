import { createAccountEventsRepo } from "@/lib/server/store/account-events-repo";
import { createAccountSyncStateRepo } from "@/lib/server/store/account-sync-state-repo";
import { createCatalogRepo } from "@/lib/server/store/catalog-repo";
import { createCurrentEventsRepo } from "@/lib/server/store/current-events-repo";
import { createHttpValidatorsRepo } from "@/lib/server/store/http-validators-repo";
import { openDatabase, type SqliteDatabase } from "@/lib/server/store/open-database";
import { createPublicEventsRepo } from "@/lib/server/store/public-events-repo";
import { createPublicUpdatesRepo } from "@/lib/server/store/public-updates-repo";
import { createSourceStateRepo } from "@/lib/server/store/source-state-repo";

export type ChangeListener = (version: number) => void;

/**
 * The one store of a deployment. `version` rises on every committed write, so readers can cache
 * whatever they derive from it; listeners hear about each change (the stream hub subscribes here).
 */
export function createHealthdeckStore(db: SqliteDatabase) {
  const listeners = new Set<ChangeListener>();
  let version = 0;

  const metaGet = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const metaSet = db.prepare(
    "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
  );

  return {
    db,
    sources: createSourceStateRepo(db),
    validators: createHttpValidatorsRepo(db),
    catalog: createCatalogRepo(db),
    updates: createPublicUpdatesRepo(db),
    currentEvents: createCurrentEventsRepo(db),
    events: createPublicEventsRepo(db),
    accountEvents: createAccountEventsRepo(db),
    accountSync: createAccountSyncStateRepo(db),
    getMeta(name: string): string | null {
      return metaGet.get(name)?.value ?? null;
    },
    setMeta(name: string, value: string): void {
      metaSet.run(name, value);
    },
    /** Runs `work` in one transaction and announces one change afterwards. */
    write<T>(work: () => T): T {
      const result = db.transaction(work)();
      markChanged();
      return result;
    },
    get version(): number {
      return version;
    },
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): void {
      listeners.clear();
      if (db.open) db.close();
    },
  };

  function markChanged(): void {
    version += 1;
    for (const listener of listeners) listener(version);
  }
}

export type HealthdeckStore = ReturnType<typeof createHealthdeckStore>;

export function openHealthdeckStore(dataDir: string | ":memory:"): HealthdeckStore {
  return createHealthdeckStore(openDatabase(dataDir));
}
