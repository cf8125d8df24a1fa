import type pg from "pg";
import { POSTGRES_MIGRATIONS } from "@/lib/server/store/postgres/postgres-migrations";

/** Advisory lock key of schema changes ("hd-migr" as bytes): replicas starting together migrate one at a time. */
export const MIGRATION_LOCK_KEY = 0x68642d6d69677200n;

/**
 * Brings the database to the newest schema. Under a session advisory lock on one connection, so replicas
 * starting at the same moment apply each step once; each step commits with its version row. Refuses a
 * database migrated by a newer Healthdeck.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let isBroken = false;
  try {
    // Waiting for another replica's migration, or one long step, must not hit the pool's statement timeout.
    await client.query("SET statement_timeout = 0");
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
      const result = await client.query<{ version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations");
      const current = result.rows[0]?.version ?? 0;
      if (current > POSTGRES_MIGRATIONS.length) {
        throw new Error(`database schema version ${current} is newer than this Healthdeck (${POSTGRES_MIGRATIONS.length}); upgrade Healthdeck`);
      }
      for (let version = current; version < POSTGRES_MIGRATIONS.length; version += 1) {
        const sql = POSTGRES_MIGRATIONS[version];
        if (sql === undefined) break;
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [version + 1, Date.now()]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
    await client.query("RESET statement_timeout");
  } catch (error) {
    isBroken = true;
    throw error;
  } finally {
    // A connection that failed mid-way may still hold the lock or a transaction: drop it rather than reuse it.
    client.release(isBroken);
  }
}
