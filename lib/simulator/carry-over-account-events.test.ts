import { describe, expect, it } from "vitest";
import { carryOverAccountEvents } from "@/lib/simulator/carry-over-account-events";
import { parseScenario } from "@/lib/simulator/load-scenario";
import { createScenarioRunner } from "@/lib/simulator/scenario-runner";

describe("carryOverAccountEvents", () => {
  it("keeps the previous loop's events in the replayed world, closing the open ones now", () => {
    let clock = Date.parse("2026-08-01T12:00:00Z");
    const scenario = parseScenario({
      name: "loop",
      steps: [
        {
          actions: [
            { type: "open-account-event", id: "a", service: "EC2", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", region: "us-east-1", description: "Open." },
            { type: "open-account-event", id: "b", service: "EC2", eventTypeCode: "AWS_EC2_API_ISSUE", category: "issue", region: "us-east-1", description: "Closed." },
            { type: "close-account-event", id: "b" },
          ],
        },
      ],
    });
    const runner = createScenarioRunner({ scenario, catalog: [], now: () => clock });
    runner.step();
    const previous = runner.world().account;
    const closedBefore = previous.events.get(previous.idToArn.get("b") ?? "")?.lastUpdatedMs;
    clock += 120_000;
    runner.reset();
    const next = runner.world().account;
    expect(carryOverAccountEvents(previous, next, clock)).toBe(2);
    const open = next.events.get(previous.idToArn.get("a") ?? "");
    expect(open).toMatchObject({ statusCode: "closed", endMs: clock, lastUpdatedMs: clock });
    expect(next.events.get(previous.idToArn.get("b") ?? "")?.lastUpdatedMs).toBe(closedBefore);
    expect(next.idToArn.size).toBe(0);
    clock += 60_000;
    runner.step();
    expect(runner.world().account.events.size).toBe(4);
    const later = createScenarioRunner({ scenario, catalog: [], now: () => clock }).world().account;
    expect(carryOverAccountEvents(next, later, clock + 7_200_000)).toBe(0);
  });
});
