import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fault } from "@/lib/simulator/simulator-fault";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

let stack: PublicStack;
beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
  stack.simulator.step();
  await stack.pollAll();
});
afterAll(async () => {
  await stack.close();
});

const source = async (id: string) => (await stack.status()).sources.find((candidate) => candidate.id === id);
const statusOf = async (key: string) => (await stack.status()).services.find((service) => service.key === key)?.status;

const FAILING_FAULTS: [string, Fault, RegExp][] = [
  ["HTTP 500", { kind: "status", status: 500 }, /500/],
  ["hang before headers", { kind: "hang-before-headers" }, /timed? ?out|timeout/i],
  ["hang mid-body", { kind: "hang-mid-body" }, /timed? ?out|timeout|body/i],
  ["malformed JSON", { kind: "malformed" }, /JSON|parse/i],
  ["wrong encoding", { kind: "wrong-encoding" }, /invalid JSON|not valid|encoding/i],
  ["10 MB body", { kind: "huge-body" }, /large|limit|bytes/i],
  ["redirect loop", { kind: "redirect-loop" }, /redirect/i],
  ["slower than the timeout", { kind: "slow", ms: 2500 }, /timed? ?out|timeout/i],
];

describe("currentevents faults keep the last good data and never show green", () => {
  it.each(FAILING_FAULTS)("%s", async (_name, fault, message) => {
    const lastSuccessAt = (await source("public-currentevents"))?.lastSuccessAt;
    expect(lastSuccessAt).not.toBeNull();
    stack.simulator.setFault(fault, "currentevents");
    await stack.runtime.poller.runNow("public-currentevents");
    const failed = await source("public-currentevents");
    expect(failed?.state).toBe("error");
    expect(failed?.error).toMatch(message);
    expect(failed?.lastSuccessAt).toBe(lastSuccessAt);
    expect(await statusOf("ec2-us-east-1")).toBe("degraded");
    expect(await statusOf("s3-us-west-2")).toBe("unknown");
    expect((await stack.status()).events.find((event) => event.key === "ec2-us-east-1")?.updates).toHaveLength(1);

    stack.simulator.setFault(null, "currentevents");
    await stack.runtime.poller.runNow("public-currentevents");
    expect((await source("public-currentevents"))?.state).toBe("ok");
    expect(await statusOf("s3-us-west-2")).toBe("operational");
  });

  it("a slow answer within the timeout is just slow", async () => {
    stack.simulator.setFault({ kind: "slow", ms: 300 }, "currentevents");
    await stack.runtime.poller.runNow("public-currentevents");
    stack.simulator.setFault(null, "currentevents");
    expect((await source("public-currentevents"))?.state).toBe("ok");
  });
});

describe("RSS and catalogue faults", () => {
  it.each([
    ["malformed XML", { kind: "malformed" } as Fault],
    ["HTTP 503", { kind: "status", status: 503 } as Fault],
    ["10 MB body", { kind: "huge-body" } as Fault],
  ])("all.rss %s marks the RSS source failed without touching the board", async (_name, fault) => {
    stack.simulator.setFault(fault, "rss");
    await stack.runtime.poller.runNow("public-rss");
    expect((await source("public-rss"))?.state).toBe("error");
    expect((await source("public-rss"))?.lastSuccessAt).not.toBeNull();
    expect(await statusOf("ec2-us-east-1")).toBe("degraded");
    expect(await statusOf("s3-us-west-2")).toBe("operational");
    stack.simulator.setFault(null, "rss");
    await stack.runtime.poller.runNow("public-rss");
    expect((await source("public-rss"))?.state).toBe("ok");
  });

  it("a broken catalogue keeps the catalogue we had", async () => {
    const before = stack.runtime.getCatalog().entries.length;
    stack.simulator.setFault({ kind: "malformed" }, "catalog");
    await stack.runtime.poller.runNow("public-catalog");
    stack.simulator.setFault(null, "catalog");
    expect((await source("public-catalog"))?.state).toBe("error");
    expect(stack.runtime.getCatalog().entries.length).toBe(before);
    expect((await stack.status()).services.length).toBe(before);
  });
});
