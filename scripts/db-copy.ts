// npm run db:copy -- --from <sqlite dir> --to <postgres url>: moves a SQLite installation into PostgreSQL, verified.
import { parseArgs } from "node:util";
import { copySqliteToPostgres } from "@/lib/server/store/copy/copy-sqlite-to-postgres";

const USAGE = "usage: npm run db:copy -- --from <HEALTHDECK_DATA_DIR of the SQLite installation> --to <postgres://… of an empty database>";

async function main(): Promise<number> {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (!values.from || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    console.error(USAGE);
    return 2;
  }
  const report = await copySqliteToPostgres({ fromDataDir: values.from, toUrl: values.to, onProgress: (line) => console.log(line) });
  for (const table of report.tables) {
    const same = table.sourceRows === table.targetRows && table.sourceChecksum === table.targetChecksum;
    console.log(`${same ? "ok  " : "DIFF"} ${table.table}: ${table.sourceRows} → ${table.targetRows} rows, sha256 ${table.sourceChecksum.slice(0, 16)} → ${table.targetChecksum.slice(0, 16)}`);
  }
  const rows = report.tables.reduce((sum, table) => sum + table.targetRows, 0);
  console.log(report.isVerified ? `verified: ${rows} rows in ${report.tables.length} tables, every checksum equal` : "NOT verified: see the DIFF lines above");
  return report.isVerified ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The URL's password must never reach a terminal log.
    console.error(`db:copy failed: ${(error instanceof Error ? error.message : String(error)).replace(/postgres(ql)?:\/\/[^@\s]*@/g, "postgres://…@")}`);
    process.exit(1);
  },
);
