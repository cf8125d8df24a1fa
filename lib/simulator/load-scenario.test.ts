import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioValidationError, listScenarioNames, loadScenario, parseScenario } from "@/lib/simulator/load-scenario";

const open = {
  type: "open-event",
  id: "e1",
  key: "ec2-us-east-1",
  region: "us-east-1",
  typeCode: "AWS_EC2_OPERATIONAL_ISSUE",
  summary: "Increased API Error Rates",
  level: 2,
  message: "Investigating.",
};

function validationError(input: unknown): ScenarioValidationError {
  try {
    parseScenario(input, "test");
  } catch (error) {
    if (error instanceof ScenarioValidationError) return error;
    throw error;
  }
  throw new Error("expected a ScenarioValidationError");
}

describe("scenarios", () => {
  it("bundles healthy and demo-incident, both valid", async () => {
    expect(await listScenarioNames()).toEqual(expect.arrayContaining(["demo-incident", "healthy"]));
    expect((await loadScenario("healthy")).steps).toEqual([]);
    const demo = await loadScenario("demo-incident");
    const keys = demo.steps.flatMap((step) => step.actions).flatMap((action) => ("key" in action ? [action.key] : []));
    expect(keys).toEqual(expect.arrayContaining(["lambda-us-east-1", "multipleservices-us-east-1", "dynamodb-us-west-2"]));
    const messages = demo.steps.flatMap((step) => step.actions).map((action) => ("message" in action ? action.message : ""));
    expect(messages.some((message) => message.includes("<script>alert(1)</script> & <b>bold</b>"))).toBe(true);
  });

  it("loads a scenario from a path and reports invalid JSON", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "healthdeck-scenario-"));
    const good = path.join(dir, "good.json");
    await writeFile(good, JSON.stringify({ name: "custom", steps: [{ actions: [open] }] }));
    expect((await loadScenario(good)).name).toBe("custom");
    const broken = path.join(dir, "broken.json");
    await writeFile(broken, "{ nope");
    await expect(loadScenario(broken)).rejects.toThrow(/not valid JSON/);
    await expect(loadScenario("../etc/passwd")).rejects.toThrow();
  });

  it("rejects unknown action types, bad fields and unknown properties with a readable path", () => {
    const unknownType = validationError({ name: "x", steps: [{ actions: [{ ...open, type: "explode-event" }] }] });
    expect(unknownType.message).toContain("steps[0].actions[0]");
    const badLevel = validationError({ name: "x", steps: [{ actions: [{ ...open, level: 4 }] }] });
    expect(badLevel.message).toContain("level");
    const badKey = validationError({ name: "x", steps: [{ actions: [{ ...open, key: "EC2 us-east-1" }] }] });
    expect(badKey.message).toContain("service slug");
    const extra = validationError({ name: "x", steps: [{ actions: [{ ...open, colour: "red" }] }] });
    expect(extra.message).toContain("colour");
    const badName = validationError({ name: "Not Kebab", steps: [] });
    expect(badName.issues[0]?.path).toEqual(["name"]);
  });

  it("rejects actions that break the open → update → resolve → expire lifecycle", () => {
    const update = { type: "update-event", id: "e1", message: "More." };
    const resolve = { type: "resolve-event", id: "e1", message: "Fixed." };
    const expire = { type: "expire-event", id: "e1" };
    const cases: Array<[unknown[], string]> = [
      [[update], 'update-event "e1" is not allowed when the event is not opened'],
      [[open, open], 'open-event "e1" is not allowed when the event is open'],
      [[open, expire], 'expire-event "e1" is not allowed when the event is open'],
      [[open, resolve, update], 'update-event "e1" is not allowed when the event is resolved'],
    ];
    for (const [actions, message] of cases) {
      const error = validationError({ name: "x", steps: actions.map((action) => ({ actions: [action] })) });
      expect(error.message).toContain(message);
    }
    expect(() => parseScenario({ name: "x", steps: [open, resolve, expire, open].map((a) => ({ actions: [a] })) })).not.toThrow();
  });
});
