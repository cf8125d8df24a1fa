import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { withLibpqSslModes } from "@/lib/server/store/postgres/libpq-connection-string";
import { openReplicatedEngine } from "@/lib/server/store/postgres/open-replicated-engine";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

/** HEALTHDECK_DATABASE_URL's sslmode means what it means to psql: a private cluster with a self-signed certificate. */
let cluster: TestPostgres;
let certDir: string;
let databaseUrl: string;

function makeCertificate(dir: string, name: string): void {
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", path.join(dir, `${name}.key`), "-out", path.join(dir, `${name}.crt`)], { stdio: "ignore" });
}

beforeAll(async () => {
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase("tls");
  certDir = mkdtempSync(path.join(tmpdir(), "healthdeck-tls-"));
  chmodSync(certDir, 0o755);
  makeCertificate(certDir, "server");
  makeCertificate(certDir, "stranger");
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const dataDir = (await admin.query<{ data_directory: string }>("SELECT current_setting('data_directory') AS data_directory")).rows[0]?.data_directory ?? "";
  const owner = statSync(dataDir);
  for (const file of ["server.key", "server.crt"]) chownSync(path.join(certDir, file), owner.uid, owner.gid);
  chmodSync(path.join(certDir, "server.key"), 0o600);
  await admin.query(`ALTER SYSTEM SET ssl_cert_file = '${path.join(certDir, "server.crt")}'`);
  await admin.query(`ALTER SYSTEM SET ssl_key_file = '${path.join(certDir, "server.key")}'`);
  await admin.query("ALTER SYSTEM SET ssl = on");
  await admin.query("SELECT pg_reload_conf()");
  await admin.end();
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

async function isEncrypted(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withLibpqSslModes(connectionString) });
  await client.connect();
  try {
    return (await client.query<{ ssl: boolean }>("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).rows[0]?.ssl === true;
  } finally {
    await client.end();
  }
}

describe("TLS to PostgreSQL", () => {
  it("sslmode=require encrypts without checking the certificate, as in psql", async () => {
    expect(await isEncrypted(`${databaseUrl}?sslmode=require`)).toBe(true);
    const store = createHealthdeckStore(await openReplicatedEngine({ connectionString: `${databaseUrl}?sslmode=require`, poolSize: 2, leaderRetryMs: 1000, canLead: true }));
    await store.write((tx) => tx.sources.recordSuccess("public-rss", 1000, null));
    expect((await store.sources.get("public-rss"))?.lastSuccessAt).toBe(1000);
    expect(store.coordinator.role).toBe("leader");
    await store.close();
  }, 30_000);

  it("sslmode=verify-full checks the certificate against sslrootcert, and refuses one signed by another", async () => {
    expect(await isEncrypted(`${databaseUrl}?sslmode=verify-full&sslrootcert=${path.join(certDir, "server.crt")}`)).toBe(true);
    await expect(isEncrypted(`${databaseUrl}?sslmode=verify-full&sslrootcert=${path.join(certDir, "stranger.crt")}`)).rejects.toThrow(/certificate|self.signed|verify/i);
  }, 30_000);
});
