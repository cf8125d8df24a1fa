import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { startOrExit } from "@/lib/server/runtime/start-or-exit";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startWith(env: Record<string, string>): () => HealthdeckRuntime {
  return () => {
    const config = parseConfig(env);
    const store = openHealthdeckStore({ dataDir: config.HEALTHDECK_DATA_DIR, databaseUrl: config.HEALTHDECK_DATABASE_URL, logger: silentLogger });
    const runtime = createHealthdeckRuntime({ config, store, logger: silentLogger });
    cleanups.push(() => runtime.close().catch(() => undefined));
    return runtime;
  };
}

async function run(start: () => HealthdeckRuntime, timeoutMs = 10_000) {
  const exits: number[] = [];
  const lines: string[] = [];
  const runtime = await startOrExit({ start, exit: (code) => exits.push(code), writeError: (line) => lines.push(line), timeoutMs });
  return { runtime, exits, lines };
}

describe("startOrExit", () => {
  it("starts on a database it can open", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-start-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { runtime, exits } = await run(startWith({ HEALTHDECK_DATA_DIR: dataDir }));
    expect(runtime).not.toBeNull();
    expect(exits).toEqual([]);
  });

  it("exits 1 with a clear line when the SQLite folder cannot be created", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-start-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const { runtime, exits, lines } = await run(startWith({ HEALTHDECK_DATA_DIR: path.join(file, "data") }));
    expect(runtime).toBeNull();
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatch(/^Healthdeck cannot start: cannot open the database: .*ENOTDIR/);
  });

  it("exits 1 when PostgreSQL refuses the connection, without printing the password", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { runtime, exits, lines } = await run(startWith({ HEALTHDECK_DATABASE_URL: `postgres://healthdeck:s3cret-pass@127.0.0.1:${port}/healthdeck` }));
    expect(runtime).toBeNull();
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatch(/^Healthdeck cannot start: cannot open PostgreSQL \(HEALTHDECK_DATABASE_URL\): .*ECONNREFUSED/);
    expect(lines.join("\n")).not.toContain("s3cret-pass");
  });

  it("exits 1 on settings it cannot read, with the settings message", async () => {
    const { exits, lines } = await run(startWith({ HEALTHDECK_PUBLIC_POLL_SECONDS: "soon" }));
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatch(/^Invalid Healthdeck settings: HEALTHDECK_PUBLIC_POLL_SECONDS/);
  });
});
