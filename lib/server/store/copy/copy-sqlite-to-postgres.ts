import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { withLibpqSslModes } from "@/lib/server/store/postgres/libpq-connection-string";
import { migratePostgres } from "@/lib/server/store/postgres/migrate-postgres";
import { DATABASE_FILE_NAME, openDatabase } from "@/lib/server/store/sqlite/open-database";

/** Every table of the store with its primary key: the copy and the checksums walk each in key order. */
export const COPIED_TABLES: readonly { name: string; key: readonly string[] }[] = [
  { name: "source_state", key: ["id"] },
  { name: "http_validators", key: ["url"] },
  { name: "catalog_entries", key: ["key"] },
  { name: "public_updates", key: ["key", "at"] },
  { name: "current_events", key: ["arn"] },
  { name: "public_events", key: ["id"] },
  { name: "meta", key: ["name"] },
  { name: "account_events", key: ["id"] },
  { name: "account_event_updates", key: ["event_id", "seq"] },
  { name: "account_entities", key: ["event_id", "entity_key"] },
  { name: "ingest_receipts", key: ["account_id", "event_arn", "communication_id"] },
  { name: "ingest_communications", key: ["account_id", "event_arn", "communication_base"] },
  { name: "ingest_pages", key: ["account_id", "event_arn", "communication_base", "page"] },
  { name: "account_sync_targets", key: ["target_key"] },
  { name: "account_sync_events", key: ["target_key", "arn"] },
  { name: "account_sync_org_status", key: ["account_id"] },
  { name: "journal", key: ["id"] },
  { name: "notify_deliveries", key: ["id"] },
  { name: "notify_channels", key: ["channel"] },
  { name: "auth_tokens", key: ["id"] },
  { name: "audit_log", key: ["id"] },
];

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
}

export interface CopyReport {
  tables: TableReport[];
  isVerified: boolean;
}

const BATCH_ROWS = 1000;
// BIGINT (epoch ms) read back as numbers, so both sides hash the same values.
const numberTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: "text" | "binary") => (oid === 20 && format !== "binary" ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)),
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function hashRows(rows: Iterable<unknown[]>): { count: number; checksum: string } {
  const hash = createHash("sha256");
  let count = 0;
  for (const row of rows) {
    hash.update(`${JSON.stringify(row)}\n`);
    count += 1;
  }
  return { count, checksum: hash.digest("hex") };
}

/**
 * Copies a SQLite installation (HEALTHDECK_DATA_DIR) into an empty PostgreSQL database, table by table in key
 * order, then hashes every table on both sides. Refuses a target that already holds Healthdeck rows.
 */
export async function copySqliteToPostgres(options: { fromDataDir: string; toUrl: string; onProgress?: (line: string) => void }): Promise<CopyReport> {
  const progress = options.onProgress ?? (() => {});
  // Migrates the source to this version's schema first (a copy of an older installation is a copy of its upgrade).
  openDatabase(options.fromDataDir).close();
  const source = new Database(path.join(options.fromDataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: withLibpqSslModes(options.toUrl), max: 2, types: numberTypes });
  try {
    await migratePostgres(pool);
    for (const table of COPIED_TABLES) {
      const { rows } = await pool.query(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`);
      if (rows.length > 0) throw new Error(`the target database already holds Healthdeck data (table ${table.name} is not empty); copy into an empty database`);
    }
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const table of COPIED_TABLES) {
        const columns = (source.pragma(`table_info(${table.name})`) as { name: string }[]).map((column) => column.name);
        const select = source.prepare(`SELECT ${columns.map(quote).join(", ")} FROM ${quote(table.name)} ORDER BY ${table.key.map(quote).join(", ")}`).raw(true);
        let batch: unknown[][] = [];
        let copied = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
          await client.query(`INSERT INTO ${quote(table.name)} (${columns.map(quote).join(", ")}) VALUES ${values}`, batch.flat());
          copied += batch.length;
          batch = [];
        };
        for (const row of select.iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length >= BATCH_ROWS) await flush();
        }
        await flush();
        progress(`copied ${table.name}: ${copied} rows`);
      }
      // Journal ids are never reused: the target hands out ids after the highest the source ever gave.
      const sequence = source.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'journal'").get() as { seq: number } | undefined;
      await client.query("UPDATE journal_head SET last_id = GREATEST(last_id, $1)", [sequence?.seq ?? 0]);
      // Outbox ids were copied as they are: new deliveries continue after them.
      await client.query("SELECT setval(pg_get_serial_sequence('notify_deliveries', 'id'), GREATEST((SELECT MAX(id) FROM notify_deliveries), 1))");
      await client.query("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), GREATEST((SELECT MAX(id) FROM audit_log), 1))");
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }

    const tables: TableReport[] = [];
    for (const table of COPIED_TABLES) {
      const columns = (source.pragma(`table_info(${table.name})`) as { name: string }[]).map((column) => column.name);
      const list = columns.map(quote).join(", ");
      const order = table.key.map(quote).join(", ");
      const from = hashRows(source.prepare(`SELECT ${list} FROM ${quote(table.name)} ORDER BY ${order}`).raw(true).iterate() as Iterable<unknown[]>);
      const result = await pool.query({ text: `SELECT ${list} FROM ${quote(table.name)} ORDER BY ${order}`, rowMode: "array" });
      const to = hashRows(result.rows as unknown[][]);
      tables.push({ table: table.name, sourceRows: from.count, targetRows: to.count, sourceChecksum: from.checksum, targetChecksum: to.checksum });
    }
    return { tables, isVerified: tables.every((table) => table.sourceRows === table.targetRows && table.sourceChecksum === table.targetChecksum) };
  } finally {
    source.close();
    await pool.end();
  }
}
