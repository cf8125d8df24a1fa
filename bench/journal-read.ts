import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatBytes, formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { listChanges } from "@/lib/server/services/list-changes";
import { createHealthdeckStore, type HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openPostgresEngine } from "@/lib/server/store/postgres/open-postgres-engine";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { startPostgres } from "@/tests/support/start-postgres";

const NAME = "journal-read";
const CHANGES = 10_000;
const PAGE = 1_000;
const FLAT_GOAL = 1.1;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Writes CHANGES journal entries the way polling does: account events opened, one transaction each batch. */
async function fill(store: HealthdeckStore): Promise<void> {
  for (let batch = 0; batch < CHANGES / 100; batch += 1) {
    await store.write(async (tx) => {
      for (let i = 0; i < 100; i += 1) {
        const n = batch * 100 + i;
        await tx.accountEvents.upsertEvent(
          {
            arn: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_${n}`,
            accountId: "123456789012",
            service: "EC2",
            eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
            category: "issue",
            region: n % 2 === 0 ? "us-east-1" : "eu-west-1",
            availabilityZone: null,
            status: "open",
            scope: "ACCOUNT_SPECIFIC",
            startTime: 1_765_000_000_000 + n,
            endTime: null,
            lastUpdatedTime: 1_765_000_000_000 + n,
            description: `Increased error rates, case ${n}.`,
            metadata: null,
            actionability: null,
            personas: null,
            origin: "api",
          },
          1_765_000_000_000,
        );
      }
    });
  }
}

/** Reads everything from id 0 in pages, as a consumer resuming from `nextAfter` does; heap after each page (after GC). */
async function readAll(store: HealthdeckStore, regions: string[]): Promise<{ ms: number; read: number; heaps: number[] }> {
  gc();
  const heaps: number[] = [process.memoryUsage().heapUsed];
  let after = 0;
  let read = 0;
  const started = performance.now();
  for (;;) {
    const page = await listChanges(store, { after, limit: PAGE, regions, services: [], accounts: [], categories: [] });
    read += page.changes.length;
    if (page.nextAfter === after) break;
    after = page.nextAfter;
    gc();
    heaps.push(process.memoryUsage().heapUsed);
  }
  return { ms: performance.now() - started, read, heaps };
}

export const journalReadBenchmark: Benchmark = {
  name: NAME,
  summary: `${CHANGES.toLocaleString("en-US")} journal changes read from id 0 in pages of ${PAGE} (what a consumer of /api/v1/changes does), on SQLite and PostgreSQL: time and heap per page (goal: flat, last page within ${FLAT_GOAL}× the first)`,
  timeLimitMs: 5 * 60_000,
  async run(cleanup) {
    const postgres = await startPostgres();
    cleanup.add("postgres", () => postgres.stop());
    const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-journal-bench-"));
    cleanup.add("sqlite dir", () => rmSync(dir, { recursive: true, force: true }));
    const engines = [
      { label: "sqlite", open: async () => createHealthdeckStore(openSqliteEngine(dir)) },
      { label: "postgres", open: async () => createHealthdeckStore(await openPostgresEngine({ connectionString: await postgres.createDatabase("journal") })) },
    ];
    printNote(NAME, `setup: ${CHANGES} account.event.opened entries written in transactions of 100, read in this process with heap measured after a forced GC`);
    for (const engine of engines) {
      const store = await engine.open();
      cleanup.add(`${engine.label} store`, () => store.close());
      await fill(store);
      for (const [label, regions] of [["all", []], ["filtered", ["eu-west-1"]]] as const) {
        const result = await readAll(store, [...regions]);
        const first = result.heaps[1] ?? result.heaps[0] ?? 0;
        const last = result.heaps.at(-1) ?? 0;
        const flat = last / first;
        printFigure(
          `${NAME}.${engine.label}.${label}`,
          { changes: result.read, pages: result.heaps.length - 1, time: formatMs(result.ms), perChange: `${((result.ms * 1000) / Math.max(result.read, 1)).toFixed(1)}µs`, heapFirstPage: formatBytes(first), heapLastPage: formatBytes(last), heapGrowth: `${((flat - 1) * 100).toFixed(1)}%` },
          { text: `heap flat (last page ≤ ${FLAT_GOAL}× the first)`, met: flat <= FLAT_GOAL },
        );
      }
      await store.close();
    }
  },
};
