import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createJournalListener, type JournalListener } from "@/lib/server/store/postgres/journal-listener";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

let cluster: TestPostgres;
let databaseCount = 0;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await cluster.stop();
});

async function freshDatabase(): Promise<{ url: string; admin: pg.Client }> {
  databaseCount += 1;
  const url = await cluster.createDatabase(`journal_${databaseCount}`);
  const admin = new pg.Client({ connectionString: url, query_timeout: 10_000 });
  await admin.connect();
  cleanups.push(() => admin.end());
  return { url, admin };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

function listen(url: string, channel?: string): { listener: JournalListener; payloads: string[]; reconnects: number[] } {
  const payloads: string[] = [];
  const reconnects: number[] = [];
  const listener = createJournalListener({
    connectionString: url,
    channel,
    checkMs: 500,
    queryTimeoutMs: 1_000,
    maxBackoffMs: 500,
    onNotify: (payload) => payloads.push(payload),
    onReconnect: () => void reconnects.push(performance.now()),
  });
  cleanups.push(() => listener.close());
  return { listener, payloads, reconnects };
}

describe("createJournalListener", () => {
  it("delivers NOTIFY payloads of its channel only, after one onReconnect for the first LISTEN", async () => {
    const { url, admin } = await freshDatabase();
    const { listener, payloads, reconnects } = listen(url);
    await listener.start();
    expect(listener.isListening).toBe(true);
    expect(reconnects).toHaveLength(1);
    await admin.query("SELECT pg_notify('other_channel', 'ignored')");
    await admin.query("NOTIFY healthdeck_journal, '41'");
    await admin.query("SELECT pg_notify('healthdeck_journal', '42')");
    await waitFor(() => payloads.length === 2, 2_000);
    expect(payloads).toEqual(["41", "42"]);
  });

  it("reconnects after its backend is terminated, calls onReconnect, and receives later notifications", async () => {
    const { url, admin } = await freshDatabase();
    const { listener, payloads, reconnects } = listen(url);
    await listener.start();
    const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'healthdeck-journal' AND datname = current_database()");
    expect(rows).toHaveLength(1);
    const terminatedAt = performance.now();
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
    await waitFor(() => reconnects.length === 2, 3_000);
    console.info(`LISTEN re-established after pg_terminate_backend: ${Math.round((reconnects[1] ?? 0) - terminatedAt)} ms`);
    await admin.query("NOTIFY healthdeck_journal, '43'");
    await waitFor(() => payloads.length === 1, 2_000);
    expect(payloads).toEqual(["43"]);
  });

  it("replaces a listening connection whose server stops answering", async () => {
    const { url, admin } = await freshDatabase();
    const { listener, payloads, reconnects } = listen(url);
    await listener.start();
    const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'healthdeck-journal' AND datname = current_database()");
    const pid = rows[0]?.pid ?? 0;
    process.kill(pid, "SIGSTOP");
    try {
      const replacedMs = await waitFor(() => reconnects.length === 2, 3_000);
      console.info(`LISTEN re-established after the server stopped answering: ${Math.round(replacedMs)} ms`);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await admin.query("NOTIFY healthdeck_journal, '44'");
    await waitFor(() => payloads.length === 1, 2_000);
    expect(payloads).toEqual(["44"]);
  });

  it("listens on a custom channel and rejects names that are not plain identifiers", async () => {
    const { url, admin } = await freshDatabase();
    const { listener, payloads } = listen(url, "replica_events");
    await listener.start();
    await admin.query("NOTIFY replica_events, 'x'");
    await waitFor(() => payloads.length === 1, 2_000);
    expect(() => createJournalListener({ connectionString: url, channel: "bad; drop", onNotify() {}, onReconnect() {} })).toThrow(/channel/);
  });

  it("stops listening on close", async () => {
    const { url, admin } = await freshDatabase();
    const { listener } = listen(url);
    await listener.start();
    await listener.close();
    expect(listener.isListening).toBe(false);
    // The backend leaves pg_stat_activity a moment after the Terminate message.
    let backends = 1;
    const sql = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'healthdeck-journal' AND datname = current_database()";
    for (let attempt = 0; attempt < 100 && backends > 0; attempt += 1) {
      backends = (await admin.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
      if (backends > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(backends).toBe(0);
  });
});
