import type { Benchmark } from "@/bench/support/benchmark";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { runAutocannon } from "@/bench/support/run-autocannon";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { generateAccountBenchScenario } from "@/lib/simulator/generate-account-bench-scenario";
import { startAccountHealthStack } from "@/tests/support/account-health-test-stack";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

const NAME = "store-cost";
const CONNECTIONS = 50;
const DURATION_SECONDS = 10;
const EVENTS = 2_000;
const ENTITIES = 100_000;
const ACCOUNT = "123456789012";
const RATIO_GOAL = 1.5;

type Engine = "sqlite" | "postgres";

async function measureStatusApi(cleanup: CleanupStack, engine: Engine, databaseUrl: string | null) {
  const { simulator } = await startDemoSimulator(cleanup);
  const app = await startProductionApp(cleanup, { label: `${NAME}-${engine}`, simulator, env: databaseUrl ? { HEALTHDECK_DATABASE_URL: databaseUrl, HEALTHDECK_ACCOUNT_HEALTH: "off" } : { HEALTHDECK_ACCOUNT_HEALTH: "off" } });
  const url = `${app.url}/api/v1/status`;
  await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: 2 });
  const result = await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS });
  await app.process.stop();
  await simulator.close();
  return result;
}

async function measureAccountSync(cleanup: CleanupStack, engine: Engine, databaseUrl: string | null): Promise<number> {
  const bench = generateAccountBenchScenario({ events: EVENTS, entities: ENTITIES, accounts: [ACCOUNT] });
  const stack = await startAccountHealthStack({ scenario: bench.scenario, accountId: ACCOUNT, ...(databaseUrl ? { databaseUrl } : {}) });
  cleanup.add(`account stack (${engine})`, () => stack.close());
  stack.pair.step();
  const started = performance.now();
  const report = await stack.poll();
  const wallMs = performance.now() - started;
  if (report?.state !== "ok") throw new Error(`${engine}: initial sync ended ${report?.state ?? "without a report"}: ${report?.error ?? ""}`);
  const stored = report.targets[0]?.storedEntities ?? 0;
  if (stored !== ENTITIES) throw new Error(`${engine}: stored ${stored} entities, expected ${ENTITIES}`);
  await stack.close();
  return wallMs;
}

export const storeCostBenchmark: Benchmark = {
  name: NAME,
  summary: `the same work on PostgreSQL and on SQLite in one run: GET /api/v1/status (full catalogue, ${CONNECTIONS} connections) and an initial account sync of ${EVENTS.toLocaleString("en-US")} events / ${ENTITIES.toLocaleString("en-US")} entities (goal: PostgreSQL ≤ ${RATIO_GOAL}× SQLite)`,
  timeLimitMs: 10 * 60_000,
  async run(cleanup) {
    const postgres: TestPostgres = await startPostgres();
    cleanup.add("postgres", () => postgres.stop());
    printNote(NAME, `setup: private PostgreSQL cluster on loopback (fsync off, as a test cluster), SQLite in a temp dir (WAL, synchronous=NORMAL); both engines on this machine`);

    const sqliteApi = await measureStatusApi(cleanup, "sqlite", null);
    const postgresApi = await measureStatusApi(cleanup, "postgres", await postgres.createDatabase("cost_api"));
    const apiRatio = postgresApi.p99Ms / sqliteApi.p99Ms;
    printFigure(
      `${NAME}.status-api`,
      {
        sqliteReqPerSec: Math.round(sqliteApi.requestsPerSecond),
        sqliteP99: formatMs(sqliteApi.p99Ms),
        postgresReqPerSec: Math.round(postgresApi.requestsPerSecond),
        postgresP99: formatMs(postgresApi.p99Ms),
        p99Ratio: apiRatio.toFixed(2),
        throughputRatio: (sqliteApi.requestsPerSecond / postgresApi.requestsPerSecond).toFixed(2),
      },
      { text: `PostgreSQL p99 ≤ ${RATIO_GOAL}× SQLite`, met: apiRatio <= RATIO_GOAL },
    );

    const sqliteSync = await measureAccountSync(cleanup, "sqlite", null);
    const postgresSync = await measureAccountSync(cleanup, "postgres", await postgres.createDatabase("cost_sync"));
    const syncRatio = postgresSync / sqliteSync;
    printFigure(
      `${NAME}.account-sync`,
      { events: EVENTS, entities: ENTITIES, sqlite: formatMs(sqliteSync), postgres: formatMs(postgresSync), ratio: syncRatio.toFixed(2) },
      { text: `PostgreSQL ≤ ${RATIO_GOAL}× SQLite`, met: syncRatio <= RATIO_GOAL },
    );
  },
};
