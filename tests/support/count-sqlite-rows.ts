import path from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE_NAME } from "@/lib/server/store/sqlite/open-database";

/**
 * Rows of one table as committed in the SQLite database under `dataDir`, read over a separate read-only
 * connection (the store keeps its own connections to itself).
 */
export function countSqliteRows(dataDir: string, table: string): number {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    const count: unknown = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    if (typeof count !== "number") throw new Error(`no count for ${table}`);
    return count;
  } finally {
    db.close();
  }
}
