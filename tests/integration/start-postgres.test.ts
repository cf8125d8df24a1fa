import { existsSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

async function queryOnce(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, query_timeout: 10_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("startPostgres", () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it("serves a private cluster on 127.0.0.1 with the test settings", async () => {
    const { rows } = await queryOnce(cluster.url, "SELECT current_setting('max_connections') AS max, current_setting('fsync') AS fsync, inet_server_addr()::text AS addr");
    expect(rows[0]).toEqual({ max: "200", fsync: "off", addr: "127.0.0.1/32" });
  });

  it("gives each caller an isolated fresh database", async () => {
    const first = await cluster.createDatabase("isolation_a");
    const second = await cluster.createDatabase("isolation_b");
    await queryOnce(first, "CREATE TABLE only_here (id int)");
    const { rows } = await queryOnce(second, "SELECT to_regclass('only_here') AS found");
    expect(rows[0]).toEqual({ found: null });
    await expect(cluster.createDatabase("bad; DROP")).rejects.toThrow(/database name/);
  });

  it("stops and removes its data directory", async () => {
    const other = await startPostgres();
    const { rows } = await queryOnce(other.url, "SELECT current_setting('data_directory') AS dir");
    await other.stop();
    await other.stop();
    expect(existsSync(String(rows[0]?.dir))).toBe(false);
    await expect(queryOnce(other.url, "SELECT 1")).rejects.toThrow();
  });
});
