import { startAccountHealthStack, type AccountHealthStack } from "@/tests/support/account-health-test-stack";
import { HEALTH_LIMITS } from "@/lib/server/sources/account-health/plan-batches";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { generateAccountBenchScenario, type AccountBenchScenarioOptions } from "@/lib/simulator/generate-account-bench-scenario";
import type { Benchmark } from "@/bench/support/benchmark";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";

const NAME = "account-sync";
const EVENTS = 2_000;
const ENTITIES = 100_000;
const ACCOUNT = "123456789012";
const RATIO_GOAL = 1.1;
const SWEEP_SECONDS = 3600;
const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: EVENTS * 2 };

export interface SyncWork {
  events: number;
  entities: number;
  /** events with at least one affected entity */
  eventsWithEntities: number;
}

/**
 * The fewest calls the API's limits allow for an initial sync: every event listed in full pages, its details in full
 * batches, and its entities in full pages of batches that hold at most `arnsPerEntitiesCall` events. Entity counts
 * (DescribeEntityAggregates) are not required at all, so they count as overhead.
 */
export function computeMinimumCalls(work: SyncWork): Record<string, number> {
  const pages = (items: number, size: number) => Math.ceil(items / size);
  return {
    DescribeEvents: Math.max(1, pages(work.events, HEALTH_LIMITS.pageSize)),
    DescribeEventDetails: pages(work.events, HEALTH_LIMITS.arnsPerDetailsCall),
    DescribeAffectedEntities: Math.max(pages(work.entities, HEALTH_LIMITS.pageSize), pages(work.eventsWithEntities, HEALTH_LIMITS.arnsPerEntitiesCall)),
  };
}

const sum = (calls: Record<string, number>) => Object.values(calls).reduce((total, count) => total + count, 0);
const describeCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, count]) => `${operation}=${count}`)
    .join(" ");

/** One initial sync of a generated world into an empty store: figures, checked against what the fake holds. */
async function measureInitialSync(cleanup: CleanupStack, label: string, options: AccountBenchScenarioOptions): Promise<AccountHealthStack> {
  const bench = generateAccountBenchScenario(options);
  const stack = await startAccountHealthStack({ scenario: bench.scenario, accountId: ACCOUNT, env: { HEALTHDECK_ACCOUNT_SWEEP_SECONDS: String(SWEEP_SECONDS) } });
  cleanup.add(`account health stack (${label})`, () => stack.close());
  stack.pair.step();
  const work: SyncWork = { events: bench.events.length, entities: bench.totalEntities, eventsWithEntities: bench.events.filter((event) => event.entities > 0).length };
  const sizes = bench.events.map((event) => event.entities);
  printNote(label, `setup: fake Health API pair ${stack.pair.endpoints["us-east-1"]} (account view, ${work.events} events, ${work.entities} entities, ${work.eventsWithEntities} events with entities, ${Math.min(...sizes)}-${Math.max(...sizes)} per event), the runtime's account-health job in this process on a temp SQLite store`);

  stack.resetCalls();
  const syncStarted = performance.now();
  const report = await stack.poll();
  const wallMs = performance.now() - syncStarted;
  if (report?.state !== "ok") throw new Error(`${label}: initial sync ended ${report?.state ?? "without a report"}: ${report?.error ?? ""}`);
  const initial = stack.calls();
  const stored = await stack.runtime.store.accountEvents.listEvents(ALL);
  const storedEntities = stored.reduce((total, event) => total + event.entityCounts.total, 0);
  if (stored.length !== work.events || storedEntities !== work.entities) {
    throw new Error(`${label}: stored ${stored.length} events / ${storedEntities} entities, expected ${work.events} / ${work.entities}`);
  }
  const minimum = computeMinimumCalls(work);
  const ratio = sum(initial) / sum(minimum);
  printFigure(`${label}.initial`, { calls: sum(initial), ...initial, wallTime: formatMs(wallMs), storedEvents: stored.length, storedEntities });
  printFigure(`${label}.minimum`, { calls: sum(minimum), ...minimum, limits: `page=${HEALTH_LIMITS.pageSize},details=${HEALTH_LIMITS.arnsPerDetailsCall},entitiesArns=${HEALTH_LIMITS.arnsPerEntitiesCall}` });
  for (const operation of Object.keys(minimum)) {
    printFigure(`${label}.ratio.${operation}`, { calls: initial[operation] ?? 0, minimum: minimum[operation] ?? 0, ratio: ((initial[operation] ?? 0) / (minimum[operation] ?? 1)).toFixed(3) });
  }
  printFigure(`${label}.ratio`, { calls: sum(initial), minimum: sum(minimum), ratio: ratio.toFixed(3), overhead: describeCalls(Object.fromEntries(Object.entries(initial).filter(([operation]) => !(operation in minimum)))) || "none" }, { text: "within 10 % of the minimum", met: ratio <= RATIO_GOAL });
  return stack;
}

export const accountSyncBenchmark: Benchmark = {
  name: NAME,
  summary: `initial sync of ${EVENTS.toLocaleString("en-US")} events with ${ENTITIES.toLocaleString("en-US")} affected entities from the fake Health API over HTTP (real SDK), then unchanged cycles; again with one event holding half the entities`,
  timeLimitMs: 6 * 60_000,
  async run(cleanup) {
    const stack = await measureInitialSync(cleanup, NAME, { events: EVENTS, entities: ENTITIES, accounts: [ACCOUNT] });
    // An ordinary unchanged cycle, then one where the sweep of open and upcoming events is due as well.
    for (const [label, advanceMs] of [["unchanged", 0], ["unchanged-sweep", SWEEP_SECONDS * 1000 + 1000]] as const) {
      if (advanceMs > 0) stack.clock.now = Date.now() + advanceMs;
      stack.resetCalls();
      const started = performance.now();
      const cycle = await stack.poll();
      const cycleMs = performance.now() - started;
      const calls = stack.calls();
      const onlyListing = Object.keys(calls).every((operation) => operation === "DescribeEvents");
      const target = cycle?.targets[0];
      printFigure(
        `${NAME}.${label}`,
        { calls: sum(calls), byOperation: describeCalls(calls) || "none", changedEvents: target?.changedEvents ?? -1, isSweep: target?.isSweep ?? false, wallTime: formatMs(cycleMs) },
        { text: "DescribeEvents pages only", met: cycle?.state === "ok" && onlyListing && (target?.changedEvents ?? -1) === 0 },
      );
    }
    // Uneven sizes: one event with 50,000 entities and 1,999 with 25 each, so batches must be packed to fill pages.
    await measureInitialSync(cleanup, `${NAME}.lumpy`, { events: EVENTS, entities: ENTITIES, largestEventEntities: ENTITIES / 2, accounts: [ACCOUNT] });
  },
};
