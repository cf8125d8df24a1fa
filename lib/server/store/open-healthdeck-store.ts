import type { Logger } from "@/lib/server/logging/create-logger";
import { deferEngine } from "@/lib/server/store/defer-engine";
import { createHealthdeckStore, type HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openReplicatedEngine } from "@/lib/server/store/postgres/open-replicated-engine";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";

export interface StoreSettings {
  /** SQLite folder (`:memory:` for tests), used when no database URL is set. */
  dataDir: string;
  databaseUrl?: string | null;
  poolSize?: number;
  leaderRetryMs?: number;
  /** false for a process that never polls (HEALTHDECK_POLLER=off): it must not hold the leader lock either */
  canLead?: boolean;
  logger?: Logger;
}

/**
 * SQLite under `dataDir` unless a PostgreSQL URL is set. Returns at once: PostgreSQL connects and migrates in the
 * background, every read waits for it, and the process counts as a follower (no polling) until it is ready.
 */
export function openHealthdeckStore(settings: StoreSettings | string): HealthdeckStore {
  const resolved = typeof settings === "string" ? { dataDir: settings } : settings;
  if (!resolved.databaseUrl) return createHealthdeckStore(openSqliteEngine(resolved.dataDir));
  const opening = openReplicatedEngine({
    connectionString: resolved.databaseUrl,
    poolSize: resolved.poolSize ?? 10,
    leaderRetryMs: resolved.leaderRetryMs ?? 5_000,
    canLead: resolved.canLead ?? true,
    logger: resolved.logger,
  });
  opening.catch((error: unknown) => resolved.logger?.error("cannot open the PostgreSQL store", { error: error instanceof Error ? error.message : String(error) }));
  return createHealthdeckStore(deferEngine("postgres", opening));
}
