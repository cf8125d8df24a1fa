import { createHealthdeckStore, type HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";

export interface StoreSettings {
  /** SQLite folder (`:memory:` for tests), used when no database URL is set. */
  dataDir: string;
  databaseUrl?: string | null;
  poolSize?: number;
}

/** SQLite under `dataDir` unless a PostgreSQL URL is set. */
export function openHealthdeckStore(settings: StoreSettings | string): HealthdeckStore {
  const resolved = typeof settings === "string" ? { dataDir: settings } : settings;
  if (resolved.databaseUrl) throw new Error("PostgreSQL is not available in this build yet");
  return createHealthdeckStore(openSqliteEngine(resolved.dataDir));
}
