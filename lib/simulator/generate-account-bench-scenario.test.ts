import { DescribeEntityAggregatesCommand, DescribeEventsCommand, paginateDescribeEvents } from "@aws-sdk/client-health";
import { describe, expect, it } from "vitest";
import { generateAccountBenchScenario } from "@/lib/simulator/generate-account-bench-scenario";
import { createHealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { createScenarioRunner } from "@/lib/simulator/scenario-runner";

describe("generateAccountBenchScenario", () => {
  it("builds 2,000 events with 100,000 entities, one with 50,000, in one step", () => {
    const started = performance.now();
    const bench = generateAccountBenchScenario({ events: 2_000, entities: 100_000, largestEventEntities: 50_000, liveSteps: 2, churn: 5 });
    const runner = createScenarioRunner({ scenario: bench.scenario, catalog: [], now: Date.now });
    runner.step();
    // Generous for a loaded 2-core CI machine; typically well under a second.
    expect(performance.now() - started).toBeLessThan(15_000);
    const events = [...runner.world().account.events.values()];
    expect(events).toHaveLength(2_000);
    expect(bench.totalEntities).toBe(100_000);
    expect(events.reduce((sum, event) => sum + event.entities.length, 0)).toBe(100_000);
    expect(events[0]?.entities).toHaveLength(50_000);
    expect(bench.events[0]).toMatchObject({ entities: 50_000, category: "scheduledChange" });
    expect(Math.max(...events.slice(1).map((event) => event.entities.length)) - Math.min(...events.slice(1).map((event) => event.entities.length))).toBeLessThanOrEqual(1);
    expect(new Set(events.map((event) => event.eventTypeCategory))).toEqual(new Set(["issue", "scheduledChange", "accountNotification"]));
    expect(bench.events.filter((event) => event.status === "closed").length).toBeGreaterThan(0);
    expect(bench.scenario.steps).toHaveLength(3);
    const before = events.map((event) => event.lastUpdatedMs);
    runner.step();
    expect(events.filter((event, index) => event.lastUpdatedMs !== before[index])).toHaveLength(5);
  });

  it("is served by the Health API fake: 2,000 events in 20 pages of 100, entity counts per event", async () => {
    const bench = generateAccountBenchScenario({ events: 2_000, entities: 20_000, largestEventEntities: 5_000 });
    const sim = await createHealthApiSimulator({ scenario: bench.scenario });
    const client = createTestHealthClient(sim.url);
    try {
      sim.step();
      let count = 0;
      for await (const page of paginateDescribeEvents({ client, pageSize: 100 }, {})) count += page.events?.length ?? 0;
      expect(count).toBe(2_000);
      expect(sim.stats().byOperation).toEqual({ DescribeEvents: 20 });
      const largest = sim.world().idToArn.get(bench.events[0]?.id ?? "") ?? "";
      const aggregates = await client.send(new DescribeEntityAggregatesCommand({ eventArns: [largest] }));
      expect(aggregates.entityAggregates?.[0]).toMatchObject({ count: 5_000, statuses: { PENDING: 2_500, RESOLVED: 2_500 } });
      const open = await client.send(new DescribeEventsCommand({ filter: { eventStatusCodes: ["open", "upcoming"] }, maxResults: 100 }));
      expect(open.nextToken).toEqual(expect.any(String));
    } finally {
      client.destroy();
      await sim.close();
    }
  });
});
