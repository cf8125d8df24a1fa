import { afterEach, describe, expect, it } from "vitest";
import { buildPublicHistory } from "@/lib/server/services/build-public-history";
import { countSqliteRows } from "@/tests/support/count-sqlite-rows";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

let stack: PublicStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const statusOf = async (s: PublicStack, key: string) => (await s.status()).services.find((service) => service.key === key)?.status;

describe("public poller against the simulator over HTTP", () => {
  it("shows nothing but green only after a successful poll", async () => {
    stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
    const before = await stack.status();
    expect(before.services.length).toBeGreaterThan(4000);
    expect(before.services.every((service) => service.status === "unknown")).toBe(true);
    expect(before.sources.find((source) => source.id === "public-currentevents")?.state).toBe("stale");

    await stack.pollAll();
    const after = await stack.status();
    const publicSources = after.sources.filter((source) => source.id.startsWith("public-"));
    expect(publicSources.map((source) => source.state)).toEqual(["ok", "ok", "ok"]);
    expect(after.services.every((service) => service.status === "operational")).toBe(true);
    expect(after.events).toEqual([]);
  });

  it("follows an incident from both feeds into one event per ARN, with one timeline", async () => {
    stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
    stack.simulator.step();
    await stack.pollAll();
    expect(await statusOf(stack, "ec2-us-east-1")).toBe("degraded");

    stack.simulator.step();
    await stack.pollAll();
    const status = await stack.status();
    expect(await statusOf(stack, "ec2-us-east-1")).toBe("disrupted");
    expect(await statusOf(stack, "dynamodb-us-west-2")).toBe("disrupted");
    expect(await statusOf(stack, "lambda-us-west-2")).toBe("degraded");
    expect(await statusOf(stack, "s3-us-west-2")).toBe("operational");
    expect(status.services[0]?.status).toBe("disrupted");

    const ec2 = status.events.find((event) => event.key === "ec2-us-east-1");
    expect(ec2?.arn).toMatch(/^arn:aws:health:us-east-1::event\//);
    expect(ec2?.region).toBe("us-east-1");
    expect(ec2?.service).toBe("ec2");
    expect(ec2?.updates).toHaveLength(2);
    expect(ec2?.updates[0]?.status).toBe("disrupted");
    // Upstream HTML is reduced to its text on ingest; the script element and its body are gone.
    expect(ec2?.updates[1]?.message).toBe("We are investigating increased API error rates.  & bold");
    expect(status.events.filter((event) => event.key === "ec2-us-east-1")).toHaveLength(1);

    const multi = status.events.find((event) => event.key === "multipleservices-us-west-2");
    expect(multi?.impactedServices.map((impacted) => impacted.key).sort()).toEqual(["dynamodb-us-west-2", "lambda-us-west-2"]);

    stack.simulator.step();
    await stack.pollAll();
    expect(await statusOf(stack, "dynamodb-us-west-2")).toBe("operational");
    expect(await statusOf(stack, "lambda-us-west-2")).toBe("degraded");

    stack.simulator.step();
    await stack.pollAll();
    expect(await statusOf(stack, "ec2-us-east-1")).toBe("operational");
    const resolved = (await stack.status()).events.find((event) => event.key === "ec2-us-east-1");
    expect(resolved?.resolved).toBe(true);
    expect(resolved?.endedAt).not.toBeNull();
    expect(resolved?.updates).toHaveLength(3);

    stack.simulator.step();
    await stack.pollAll();
    const history = await buildPublicHistory(stack.runtime, { service: null, region: null, from: null, to: null });
    expect(history.events.map((event) => event.key).sort()).toEqual(["ec2-us-east-1", "multipleservices-us-west-2"]);
    const byService = await buildPublicHistory(stack.runtime, { service: "dynamodb", region: "us-west-2", from: null, to: null });
    expect(byService.events.map((event) => event.key)).toEqual(["multipleservices-us-west-2"]);
  });

  it("asks again with validators and moves almost no bytes when nothing changed", async () => {
    stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { HEALTHDECK_REGIONS: "us-east-1", HEALTHDECK_SERVICES: "ec2,lambda" } });
    stack.simulator.step();
    await stack.pollAll();
    const first = stack.simulator.stats();
    stack.simulator.resetStats();
    await stack.pollAll();
    const second = stack.simulator.stats();
    expect(second.requests).toBe(first.requests);
    expect(second.notModified).toBe(second.requests);
    expect(second.bytes).toBe(0);
    // Scope is small, so every feed in it is polled: all.rss + ec2/lambda/multipleservices in us-east-1 + globals.
    expect(await stack.runtime.listFeedKeys()).toEqual(expect.arrayContaining(["ec2-us-east-1", "lambda-us-east-1", "multipleservices-us-east-1"]));
    expect((await stack.runtime.listFeedKeys()).some((key) => key.endsWith("us-west-2"))).toBe(false);
  });

  it("keeps history and never duplicates across a restart", async () => {
    stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
    stack.simulator.step();
    stack.simulator.step();
    await stack.pollAll();
    const before = (await stack.status()).events;
    const runtime = await stack.restart();
    expect(await statusOf(stack, "ec2-us-east-1")).toBe("disrupted");
    await runtime.poller.runNow("public-currentevents");
    await runtime.poller.runNow("public-rss");
    const after = (await stack.status()).events;
    expect(after.map((event) => [event.id, event.updates.length])).toEqual(before.map((event) => [event.id, event.updates.length]));
    expect(countSqliteRows(stack.dataDir, "public_events")).toBe(2);
  });
});
