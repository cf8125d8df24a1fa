import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetricsRegistry, type MetricsRegistry } from "@/lib/server/outputs/metrics/create-metrics-registry";
import { accountEvent } from "@/lib/server/store/store-contract-fixtures";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const SECURITY = { arn: "arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/X1", service: "RISK", eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED", category: "issue", status: "open", region: null };
let postgres: TestPostgres;
let stack: PublicStack;
let metrics: MetricsRegistry;
let databaseUrl: string;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase("metrics_snapshot");
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, databaseUrl });
  await stack.pollAll();
  // The registry the route serves (get-metrics-text.ts), over a PostgreSQL store.
  metrics = createMetricsRegistry({ runtime: stack.runtime, version: "test", readStreamStats: () => null });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await postgres?.stop();
}, 30_000);

const within = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
const ageOf = (text: string) => Number(/^healthdeck_metrics_snapshot_age_seconds (\S+)$/m.exec(text)?.[1]);

describe("the metrics snapshot", () => {
  it("is rebuilt off the scrape's path: while a rebuild cannot read, scrapes answer with the last figures and their age", async () => {
    const first = await metrics.render();
    expect(first).toMatch(/^healthdeck_security_events_open 0$/m);
    expect(ageOf(first)).toBe(0);

    // Another session holds the public events table: the rebuild after the next change waits for it, scrapes must not.
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE public_events IN ACCESS EXCLUSIVE MODE");
      await stack.runtime.store.write((tx) => tx.accountEvents.upsertEvents([accountEvent(SECURITY)], stack.runtime.now()));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const during = await within(metrics.render(), 5_000);
      expect(during).toMatch(/^healthdeck_security_events_open 0$/m);
      expect(ageOf(during)).toBeGreaterThanOrEqual(0.2);
      expect(ageOf(await within(metrics.render(), 5_000))).toBeGreaterThan(ageOf(during));
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await blocker.end();
    }

    let after = await metrics.render();
    for (const deadline = Date.now() + 10_000; ageOf(after) !== 0 && Date.now() < deadline; after = await metrics.render()) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(ageOf(after)).toBe(0);
    expect(after).toMatch(/^healthdeck_security_events_open 1$/m);
  });
});
