import { describe, expect, it } from "vitest";
import { buildBuiltInCatalog } from "@/lib/simulator/default-catalog";
import { parseScenario } from "@/lib/simulator/load-scenario";
import { toCurrentEventJson } from "@/lib/simulator/render-current-events";
import { createScenarioRunner } from "@/lib/simulator/scenario-runner";
import { ALL_FEED_LIMIT, KEY_FEED_LIMIT } from "@/lib/simulator/world-state";

const START = Date.parse("2026-03-01T12:00:00Z");
const openEc2 = {
  type: "open-event",
  id: "ec2",
  key: "ec2-us-east-1",
  region: "us-east-1",
  typeCode: "AWS_EC2_OPERATIONAL_ISSUE",
  summary: "Increased API Error Rates",
  level: 1,
  message: "Investigating.",
};

function runnerFor(steps: unknown[], now = () => START) {
  const scenario = parseScenario({ name: "unit", steps });
  return createScenarioRunner({ scenario, catalog: buildBuiltInCatalog(), now });
}

describe("createScenarioRunner", () => {
  it("stamps steps with the clock, or with `at` seconds from the start", () => {
    let clock = START;
    const runner = runnerFor(
      [
        { at: -3_600, actions: [openEc2] },
        { actions: [{ type: "update-event", id: "ec2", message: "Still investigating." }] },
      ],
      () => clock,
    );
    expect(runner.step()).toMatchObject({ applied: true, index: 0, at: START / 1000 - 3_600 });
    clock += 90_000;
    expect(runner.step()).toMatchObject({ applied: true, index: 1, at: START / 1000 + 90, remaining: 0 });
    const [event] = runner.world().events;
    expect(event?.date).toBe(START / 1000 - 3_600);
    expect(event?.log.map((entry) => entry.timestamp)).toEqual([START / 1000 - 3_600, START / 1000 + 90]);
  });

  it("moves a same-second update of one key to the next second so guids stay unique", () => {
    const runner = runnerFor([
      { actions: [openEc2] },
      { actions: [{ type: "update-event", id: "ec2", message: "Two." }] },
      { actions: [{ type: "resolve-event", id: "ec2", message: "Done." }] },
    ]);
    runner.step();
    runner.step();
    runner.step();
    const feed = runner.world().keyFeeds.get("ec2-us-east-1") ?? [];
    expect(feed.map((update) => update.epoch)).toEqual([START / 1000 + 2, START / 1000 + 1, START / 1000]);
    const [event] = runner.world().events;
    expect(event && toCurrentEventJson(event).end_time).toBe(String(START / 1000 + 2));
  });

  it("keeps the latest 50 updates in all.rss and 15 per key", () => {
    let clock = START;
    const updates = Array.from({ length: 60 }, (_, index) => ({
      actions: [{ type: "update-event", id: "ec2", message: `Update ${index}.` }],
    }));
    const runner = runnerFor([{ actions: [openEc2] }, ...updates], () => clock);
    for (let i = 0; i < 61; i += 1) {
      clock += 60_000;
      runner.step();
    }
    const world = runner.world();
    expect(world.allFeed).toHaveLength(ALL_FEED_LIMIT);
    expect(world.allFeed[0]?.message).toBe("Update 59.");
    expect(world.keyFeeds.get("ec2-us-east-1")).toHaveLength(KEY_FEED_LIMIT);
    expect(world.events[0]?.log).toHaveLength(61);
  });

  it("records impacted service changes in milliseconds and keeps max", () => {
    const runner = runnerFor([
      { actions: [{ ...openEc2, id: "m", key: "multipleservices-us-east-1", impacted: [{ key: "sqs-us-east-1", level: 3 }] }] },
      { at: 60, actions: [{ type: "update-event", id: "m", message: "Better.", impacted: [{ key: "sqs-us-east-1", level: 1 }] }] },
    ]);
    runner.step();
    runner.step();
    const [event] = runner.world().events;
    const json = event && toCurrentEventJson(event);
    expect(json?.impacted_services).toEqual({ "sqs-us-east-1": { service_name: "Amazon Simple Queue Service", current: "1", max: "3" } });
    expect(json?.impacted_service_status_changes).toEqual([
      { service: "sqs-us-east-1", service_name: "Amazon Simple Queue Service", previous_status: "0", current_status: "3", timestamp: START },
      { service: "sqs-us-east-1", service_name: "Amazon Simple Queue Service", previous_status: "3", current_status: "1", timestamp: START + 60_000 },
    ]);
    expect(json?.service_name).toBe("Multiple services");
  });

  it("gives a replayed event a new ARN after reset", () => {
    let clock = START;
    const runner = runnerFor([{ actions: [openEc2] }], () => clock);
    runner.step();
    const first = runner.world().events[0]?.arn;
    clock += 1_000;
    runner.reset();
    expect(runner.world().events).toEqual([]);
    runner.step();
    expect(runner.world().events[0]?.arn).not.toBe(first);
    expect(first).toMatch(/^arn:aws:health:us-east-1::event\/EC2\/AWS_EC2_OPERATIONAL_ISSUE\/AWS_EC2_OPERATIONAL_ISSUE_/);
  });
});
