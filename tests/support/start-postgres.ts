import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { appendFile, chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface TestPostgres {
  /** The cluster's `postgres` database (superuser `postgres`, trust auth). */
  url: string;
  port: number;
  /** Creates an empty database and returns its url: one per test keeps tests independent. */
  createDatabase(name: string): Promise<string>;
  /** Immediate shutdown and removal of the data directory; safe to call twice. */
  stop(): Promise<void>;
}

const FALLBACK_USER = "healthdeck-pg";
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The newest directory holding initdb, pg_ctl and postgres: PATH first, then Debian's versioned dirs. */
export function findPostgresBin(): string | null {
  const holdsAll = (dir: string) => ["initdb", "pg_ctl", "postgres"].every((tool) => existsSync(path.join(dir, tool)));
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir !== "" && holdsAll(dir)) return dir;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+(\.\d+)?$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (holdsAll(path.join(root, version, "bin"))) return path.join(root, version, "bin");
  return null;
}

/** initdb refuses root: as root the cluster runs as Debian's `postgres` user, or a system user made for it. */
function ensureServerUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ["postgres", FALLBACK_USER]) {
    try {
      execFileSync("id", ["-u", user], { stdio: "ignore" });
      return user;
    } catch {
      // not there; try the next one
    }
  }
  execFileSync("useradd", ["--system", "--no-create-home", FALLBACK_USER], { stdio: "ignore" });
  return FALLBACK_USER;
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port from the OS");
  return address.port;
}

/**
 * Starts a private throwaway PostgreSQL cluster (127.0.0.1, a free port, fsync off) in a temp dir; it
 * never touches a system cluster. Takes a few seconds, so share one per test file (`beforeAll`, `stop()`
 * in `afterAll`) and give each test its own database with `createDatabase`.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (bin === null) throw new Error("PostgreSQL binaries not found (PATH, /usr/lib/postgresql/*/bin): apt-get install postgresql");
  const user = ensureServerUser();
  // [file, args] of a PostgreSQL tool run as the server's user.
  const command = (tool: string, args: string[]): [string, string[]] =>
    user === null ? [path.join(bin, tool), args] : ["runuser", ["-u", user, "--", path.join(bin, tool), ...args]];
  const asServerUser = (tool: string, args: string[]) => run(...command(tool, args));

  const dir = await mkdtemp(path.join(tmpdir(), "healthdeck-pg-"));
  const dataDir = path.join(dir, "data");
  let isStopped = false;
  const stopNow = () => {
    if (isStopped) return;
    isStopped = true;
    try {
      execFileSync(...command("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate"]), { stdio: "ignore" });
    } catch {
      // not running
    }
  };
  // A test process that dies without afterAll would otherwise leave a server running.
  process.once("exit", stopNow);
  const stop = async () => {
    process.off("exit", stopNow);
    stopNow();
    await rm(dir, { recursive: true, force: true });
  };

  try {
    if (user !== null) {
      const uid = Number(execFileSync("id", ["-u", user]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", user]).toString().trim());
      await chown(dir, uid, gid);
    }
    await asServerUser("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
    // Durability is worthless for a throwaway cluster; speed and room for many benchmark connections are not.
    const settings = ["listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, "fsync = off", "synchronous_commit = off", "full_page_writes = off", "max_connections = 200"];
    await appendFile(path.join(dataDir, "postgresql.conf"), `\n${settings.join("\n")}\n`);
    const port = await startOnFreePort((candidate) => asServerUser("pg_ctl", ["start", "-w", "-t", "30", "-D", dataDir, "-l", path.join(dir, "server.log"), "-o", `-p ${candidate}`]));
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return { url, port, createDatabase: (name) => createDatabase(url, port, name), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Another process may take the port between asking and binding: try a few. */
async function startOnFreePort(start: (port: number) => Promise<unknown>): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await findFreePort();
    try {
      await start(port);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function createDatabase(url: string, port: number, name: string): Promise<string> {
  if (!DATABASE_NAME.test(name)) throw new Error(`database name must match ${DATABASE_NAME}: ${name}`);
  const client = new pg.Client({ connectionString: url, query_timeout: 30_000 });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}
