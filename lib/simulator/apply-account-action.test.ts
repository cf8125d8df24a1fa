import { describe, expect, it } from "vitest";
import { buildBuiltInCatalog } from "@/lib/simulator/default-catalog";
import { ScenarioValidationError, parseScenario } from "@/lib/simulator/load-scenario";
import { createScenarioRunner } from "@/lib/simulator/scenario-runner";

const START = Date.parse("2026-03-01T12:00:00Z");
const openNotice = {
  type: "open-account-event",
  id: "n1",
  service: "EC2",
  eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
  category: "scheduledChange",
  region: "us-east-1",
  status: "upcoming",
  startOffset: 86_400,
  description: "Retirement.",
};
const openPublic = {
  type: "open-event",
  id: "p1",
  key: "ec2-us-east-1",
  region: "us-east-1",
  typeCode: "AWS_EC2_OPERATIONAL_ISSUE",
  summary: "Increased API Error Rates",
  level: 1,
  message: "Investigating.",
  accountImpact: { entities: [{ value: "i-1", status: "IMPAIRED" }] },
};

function issuesOf(input: unknown): string {
  try {
    parseScenario(input, "test");
  } catch (error) {
    if (error instanceof ScenarioValidationError) return error.message;
    throw error;
  }
  return "";
}

function runnerFor(steps: unknown[], extra: Record<string, unknown> = {}) {
  let clock = START;
  const runner = createScenarioRunner({ scenario: parseScenario({ name: "unit", ...extra, steps }), catalog: buildBuiltInCatalog(), now: () => clock });
  return {
    runner,
    step() {
      clock += 60_000;
      return runner.step();
    },
    event(id: string) {
      const arn = runner.world().account.idToArn.get(id) ?? "";
      const event = runner.world().account.events.get(arn);
      if (!event) throw new Error(`no ${id}`);
      return event;
    },
  };
}

describe("account scenario validation", () => {
  it("checks the account event lifecycle and its clash with public mirrors", () => {
    const step = (...actions: unknown[]) => ({ actions });
    const cases: Array<[unknown[], string]> = [
      [[step({ type: "update-account-event", id: "n1", description: "x" })], 'update-account-event "n1" is not allowed when the account event is not opened'],
      [[step(openNotice), step(openNotice)], 'open-account-event "n1" is not allowed when the account event is open'],
      [[step(openNotice, { type: "close-account-event", id: "n1" }, { type: "close-account-event", id: "n1" })], "is closed"],
      [[step(openPublic), step({ type: "update-account-event", id: "p1", description: "x" })], "mirrors a public event"],
      [[step({ ...openNotice, id: "p1" }), step(openPublic)], 'open-event "p1" with accountImpact clashes with account event "p1"'],
      [[step(openPublic), step({ type: "resolve-event", id: "p1", message: "ok" }), step({ type: "expire-event", id: "p1" }), step({ type: "update-entities", id: "p1", changes: [{ to: "UNIMPAIRED" }] })], "not opened"],
      [[step({ type: "add-affected-entities", id: "n1", entities: [] })], "not opened"],
    ];
    for (const [steps, message] of cases) expect(issuesOf({ name: "x", steps })).toContain(message);
    expect(issuesOf({ name: "x", steps: [step(openPublic), step({ type: "update-entities", id: "p1", changes: [{ to: "UNIMPAIRED" }] })] })).toBe("");
    expect(issuesOf({ name: "x", steps: [step(openNotice, { type: "close-account-event", id: "n1" }, { type: "update-account-event", id: "n1", status: "open" }, { type: "close-account-event", id: "n1" })] })).toBe("");
  });

  it("checks declared accounts and field formats", () => {
    const accounts = [{ id: "111111111111", management: true }];
    expect(issuesOf({ name: "x", accounts, steps: [{ actions: [{ ...openNotice, accounts: ["222222222222"] }] }] })).toContain('account 222222222222 is not declared in "accounts"');
    expect(issuesOf({ name: "x", accounts: [...accounts, { id: "111111111111" }], steps: [] })).toContain("declared twice");
    expect(issuesOf({ name: "x", accounts: [...accounts, { id: "222222222222", management: true }], steps: [] })).toContain("at most one account");
    expect(issuesOf({ name: "x", steps: [{ actions: [{ ...openNotice, accounts: ["12345"] }] }] })).toContain("12 digits");
    expect(issuesOf({ name: "x", steps: [{ actions: [{ ...openNotice, category: "outage" }] }] })).toContain("category");
    expect(issuesOf({ name: "x", steps: [{ actions: [{ type: "add-affected-entities", id: "n1" }] }] })).toContain("give entities or generate");
    expect(issuesOf({ name: "x", steps: [{ actions: [{ ...openNotice, colour: "red" }] }] })).toContain("colour");
  });
});

describe("applying account actions", () => {
  it("opens events relative to the step time with fractional, monotonic timestamps", () => {
    const target = runnerFor([{ actions: [openNotice] }, { actions: [{ type: "update-account-event", id: "n1", description: "Moved.", startOffset: 172_800 }] }]);
    const first = target.step();
    const event = target.event("n1");
    expect(Math.floor(event.lastUpdatedMs / 1000)).toBe(first.at);
    expect(event.startMs - event.lastUpdatedMs).toBe(86_400_000);
    expect(event).toMatchObject({ scope: "ACCOUNT_SPECIFIC", accounts: ["123456789012"], statusCode: "upcoming", endMs: null });
    expect(event.arn).toMatch(/^arn:aws:health:us-east-1::event\/EC2\/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED\/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_[0-9a-f-]{36}$/);
    const before = event.lastUpdatedMs;
    const second = target.step();
    expect(event.description).toBe("Moved.");
    expect(event.lastUpdatedMs).toBeGreaterThan(before);
    expect(Math.floor(event.startMs / 1000)).toBe((second.at ?? 0) + 172_800);
  });

  it("generates entities with statuses in order, spread across accounts, and changes them by status, value, account and count", () => {
    const target = runnerFor(
      [
        {
          actions: [
            { ...openNotice, accounts: ["111111111111", "222222222222"], generate: { count: 10, statuses: { PENDING: 6, IMPAIRED: 2 }, status: "RESOLVED", valuePrefix: "fn-" } },
          ],
        },
        { actions: [{ type: "update-entities", id: "n1", changes: [{ from: "PENDING", to: "RESOLVED", count: 2 }, { values: ["fn-000010"], to: "UNKNOWN" }, { account: "222222222222", from: "IMPAIRED", to: "UNIMPAIRED" }] }] },
        { actions: [{ type: "add-affected-entities", id: "n1", touchEvent: false, entities: [{ value: "AWS_ACCOUNT", account: "222222222222" }] }] },
      ],
      { accounts: [{ id: "111111111111" }, { id: "222222222222" }] },
    );
    target.step();
    const event = target.event("n1");
    expect(event.entities.map((entity) => entity.statusCode)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "IMPAIRED", "IMPAIRED", "RESOLVED", "RESOLVED"]);
    expect(event.entities.map((entity) => entity.awsAccountId).slice(0, 3)).toEqual(["111111111111", "222222222222", "111111111111"]);
    expect(event.entities[0]?.entityValue).toBe("fn-000001");
    expect(new Set(event.entities.map((entity) => entity.entityArn)).size).toBe(10);
    target.step();
    expect(event.entities.map((entity) => entity.statusCode)).toEqual(["RESOLVED", "RESOLVED", "PENDING", "PENDING", "PENDING", "PENDING", "IMPAIRED", "UNIMPAIRED", "RESOLVED", "UNKNOWN"]);
    const touched = event.lastUpdatedMs;
    target.step();
    expect(event.entities).toHaveLength(11);
    expect(event.entities[10]).toMatchObject({ entityValue: "AWS_ACCOUNT", statusCode: null, awsAccountId: "222222222222" });
    expect(event.lastUpdatedMs).toBe(touched);
  });

  it("mirrors a public incident: same ARN, PUBLIC, running-log description, closed on resolve, kept after expiry", () => {
    const target = runnerFor([
      { actions: [openPublic] },
      { actions: [{ type: "update-event", id: "p1", message: "Mitigating." }] },
      { actions: [{ type: "resolve-event", id: "p1", message: "Resolved." }] },
      { actions: [{ type: "expire-event", id: "p1" }] },
      { actions: [openPublic] },
    ]);
    target.step();
    const publicEvent = target.runner.world().events[0];
    const mirror = target.event("p1");
    expect(mirror).toMatchObject({ arn: publicEvent?.arn, scope: "PUBLIC", service: "EC2", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", statusCode: "open", accounts: [] });
    expect(mirror.entities[0]).toMatchObject({ entityValue: "i-1", awsAccountId: "123456789012" });
    target.step();
    expect(mirror.description.split("\n\n")).toHaveLength(3);
    target.step();
    expect(mirror.statusCode).toBe("closed");
    expect(mirror.description.startsWith("[RESOLVED] Increased API Error Rates\n\n")).toBe(true);
    expect(mirror.endMs).not.toBeNull();
    target.step();
    target.step();
    const reopened = target.event("p1");
    expect(reopened.arn).not.toBe(mirror.arn);
    expect(target.runner.world().account.events.get(mirror.arn)?.statusCode).toBe("closed");
  });
});
