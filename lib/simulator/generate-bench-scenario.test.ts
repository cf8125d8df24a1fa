import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPublicStatusSimulator, type PublicStatusSimulator } from "@/lib/simulator/create-public-status-simulator";
import { generateBenchScenario } from "@/lib/simulator/generate-bench-scenario";

let sim: PublicStatusSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("generateBenchScenario", () => {
  it("builds N keys with history, a catalogue for them and clock-stamped live steps", async () => {
    const bench = generateBenchScenario({ keys: 200, updatesPerKey: 4, openFraction: 0.05, liveSteps: 3 });
    expect(bench.catalog).toHaveLength(200);
    expect(bench.openKeys).toHaveLength(10);
    expect(bench.scenario.steps).toHaveLength(4 + 1 + 3);
    expect(bench.scenario.steps.slice(0, 5).every((step) => step.at !== undefined && step.at < 0)).toBe(true);

    sim = await createPublicStatusSimulator({ scenario: bench.scenario, catalog: bench.catalog });
    for (let i = 0; i < 5; i += 1) sim.step();
    const bytes = Buffer.from(await (await fetch(sim.currentEventsUrl)).arrayBuffer());
    const events = z
      .array(z.object({ service: z.string(), event_log: z.array(z.unknown()) }))
      .parse(JSON.parse(new TextDecoder("utf-16be").decode(bytes)));
    expect(events.map((event) => event.service)).toEqual(bench.openKeys);
    expect(events.every((event) => event.event_log.length === 4)).toBe(true);

    const resolvedFeed = await (await fetch(`${sim.rssBaseUrl}${bench.catalog[150]?.service}.rss`)).text();
    expect(resolvedFeed.match(/<item>/g)).toHaveLength(4);
    expect(resolvedFeed).toContain("Service is operating normally: [RESOLVED]");

    const live = sim.step();
    expect(live).toMatchObject({ applied: true, label: "live 1" });
    expect(live.at).toBeGreaterThan(Date.now() / 1000 - 5);
  });
});
