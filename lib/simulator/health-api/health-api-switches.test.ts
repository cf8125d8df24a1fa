import { DescribeAffectedEntitiesCommand, DescribeEventDetailsCommand, DescribeEventsCommand, type HealthClient } from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { postHealth, startFixture, type FixtureHarness } from "@/lib/simulator/health-api/health-api-test-setup";
import { UNKNOWN_ENUM_VALUES } from "@/lib/simulator/health-api/render-health-shapes";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function start(options: Parameters<typeof startFixture>[0] = {}): Promise<FixtureHarness> {
  const harness = await startFixture(options);
  cleanups.push(harness.close);
  return harness;
}

function retryingClient(url: string, maxAttempts: number): HealthClient {
  const client = createTestHealthClient(url, { maxAttempts });
  cleanups.push(async () => client.destroy());
  return client;
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("throttling and server errors", () => {
  it("throttles the next N calls: the SDK retries and succeeds, every attempt is counted", async () => {
    const { sim } = await start();
    const client = retryingClient(sim.url, 3);
    sim.resetStats();
    sim.setSwitches({ throttleNext: 2 });
    const result = await client.send(new DescribeEventsCommand({}));
    expect(result.$metadata.attempts).toBe(3);
    expect(sim.stats()).toMatchObject({ total: 3, byOperation: { DescribeEvents: 3 }, succeededByOperation: { DescribeEvents: 1 }, errorsByName: { ThrottlingException: 2 } });
  });

  it("fails with ThrottlingException once the SDK's attempts run out", async () => {
    const { sim } = await start();
    const client = retryingClient(sim.url, 2);
    sim.setSwitches({ throttleNext: 5 });
    const error = await failureOf(client.send(new DescribeEventsCommand({})));
    expect(error).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 400, attempts: 2 } });
    expect(sim.switches().throttleNext).toBe(3);
  });

  it("throttles a seeded fraction of calls, optionally of some operations only", async () => {
    const throttledCount = async () => {
      const { sim, client } = await start({ seed: 7, switches: { throttleRate: 0.5, throttleOperations: ["DescribeEvents"] } });
      let throttled = 0;
      for (let i = 0; i < 40; i += 1) {
        if (await failureOf(client.send(new DescribeEventsCommand({})))) throttled += 1;
      }
      await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: ["arn:aws:health:x::event/A/B/C"] } }));
      expect(sim.stats().errorsByName.ThrottlingException).toBe(throttled);
      return throttled;
    };
    const first = await throttledCount();
    expect(first).toBeGreaterThan(8);
    expect(first).toBeLessThan(32);
    expect(await throttledCount()).toBe(first);
  });

  it("answers HTTP 500 InternalFailure, which the SDK retries", async () => {
    const { sim, client } = await start({ switches: { failNext: 1 } });
    expect(await failureOf(client.send(new DescribeEventsCommand({})))).toMatchObject({ name: "InternalFailure", $fault: "server", $metadata: { httpStatusCode: 500 } });
    sim.setSwitches({ failNext: 1 });
    await expect(retryingClient(sim.url, 2).send(new DescribeEventsCommand({}))).resolves.toMatchObject({ $metadata: { attempts: 2 } });
  });

  it("slows every answer down", async () => {
    const { sim, client } = await start();
    sim.setSwitches({ slowMs: 300 });
    const started = performance.now();
    await client.send(new DescribeEventsCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("account-state switches", () => {
  it("subscription required: SubscriptionRequiredException with AWS's empty message, or a given one", async () => {
    const { sim, client } = await start({ switches: { subscriptionRequired: true } });
    const raw = await postHealth(sim.url, "DescribeEvents", "{}");
    expect(await raw.json()).toEqual({ __type: "SubscriptionRequiredException", message: "" });
    // The SDK turns an empty message of an unmodeled error into "UnknownError".
    const error = await failureOf(client.send(new DescribeEventsCommand({})));
    expect(error).toMatchObject({ name: "SubscriptionRequiredException", $fault: "client", message: "UnknownError" });
    sim.setSwitches({ subscriptionMessage: "AWS Premium Support Subscription is required to use this service." });
    await expect(client.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ message: "AWS Premium Support Subscription is required to use this service." });
  });

  it("access denied for all operations or the listed ones", async () => {
    const { sim, client, arn } = await start({ switches: { accessDenied: ["DescribeEventDetails"] } });
    await expect(client.send(new DescribeEventsCommand({}))).resolves.toBeDefined();
    await expect(client.send(new DescribeEventDetailsCommand({ eventArns: [arn("billing")] }))).rejects.toMatchObject({ name: "AccessDeniedException", message: expect.stringContaining("health:DescribeEventDetails") });
    sim.setSwitches({ accessDenied: true });
    await expect(client.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
    sim.setSwitches({ accessDenied: false });
    await expect(client.send(new DescribeEventsCommand({}))).resolves.toBeDefined();
  });

  it("expired credentials: ExpiredTokenException with HTTP 400, or 403", async () => {
    const { sim, client } = await start({ switches: { expiredCredentials: true } });
    await expect(client.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "ExpiredTokenException", $metadata: { httpStatusCode: 400 } });
    sim.setSwitches({ expiredStatus: 403 });
    await expect(client.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "ExpiredTokenException", $metadata: { httpStatusCode: 403 } });
  });

  it("namespaced error types are sanitised by the SDK", async () => {
    const { sim, client } = await start({ switches: { namespacedErrors: true, throttleNext: 1 } });
    const raw = await postHealth(sim.url, "DescribeEvents", "{}");
    expect(raw.headers.get("x-amzn-errortype")).toMatch(/^ThrottlingException:http/);
    expect(((await raw.json()) as { __type: string }).__type).toBe("com.amazonaws.health#ThrottlingException");
    await expect(client.send(new DescribeEventsCommand({ maxResults: 1_000 }))).rejects.toMatchObject({ name: "ValidationException" });
  });
});

describe("version drift switches", () => {
  it("omits newer fields", async () => {
    const { client, arn } = await start({ switches: { omitNewerFields: true } });
    const { events = [] } = await client.send(new DescribeEventsCommand({}));
    const retirement = events.find((event) => event.arn === arn("retirement"));
    expect(retirement).toBeDefined();
    expect(retirement).not.toHaveProperty("eventScopeCode");
    expect(retirement).not.toHaveProperty("actionability");
    expect(retirement).not.toHaveProperty("personas");
    const { entities = [] } = await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: [arn("retirement")] } }));
    expect(entities[0]).not.toHaveProperty("entityUrl");
    expect(entities[0]).not.toHaveProperty("entityMetadata");
    expect(entities[0]?.statusCode).toBe("PENDING");
  });

  it("emits unknown enum values in all or some fields", async () => {
    const { sim, client, arn } = await start({ switches: { unknownEnumValues: true } });
    const { events = [] } = await client.send(new DescribeEventsCommand({}));
    const retirement = events.find((event) => event.arn === arn("retirement"));
    expect(retirement).toMatchObject({
      eventTypeCategory: UNKNOWN_ENUM_VALUES.eventTypeCategory,
      statusCode: UNKNOWN_ENUM_VALUES.statusCode,
      eventScopeCode: UNKNOWN_ENUM_VALUES.eventScopeCode,
      actionability: UNKNOWN_ENUM_VALUES.actionability,
      personas: ["OPERATIONS", UNKNOWN_ENUM_VALUES.personas],
    });
    sim.setSwitches({ unknownEnumValues: ["entityStatusCode"] });
    const { entities = [] } = await client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: [arn("retirement")] } }));
    expect(entities[0]?.statusCode).toBe(UNKNOWN_ENUM_VALUES.entityStatusCode);
    const again = await client.send(new DescribeEventsCommand({ filter: { eventArns: [arn("retirement")] } }));
    expect(again.events?.[0]).toMatchObject({ statusCode: "upcoming", eventTypeCategory: "scheduledChange" });
  });
});

describe("HTTP control routes", () => {
  it("sets switches, reads and resets stats, sets the org view and steps over /__sim/health/", async () => {
    const { sim, client } = await start({ steps: 0 });
    const post = (path: string, body?: unknown) =>
      fetch(`${sim.url}/__sim/health/${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await post("switch", { throttleNext: 1 })).status).toBe(200);
    await expect(client.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
    await expect(client.send(new DescribeEventsCommand({}))).resolves.toBeDefined();
    const stats = (await (await fetch(`${sim.url}/__sim/health/stats`)).json()) as { byOperation: Record<string, number> };
    expect(stats.byOperation).toEqual({ DescribeEvents: 2 });
    expect(await (await post("stats/reset")).json()).toMatchObject({ total: 0, byOperation: {} });
    expect((await post("switch", { throttleNext: -1 })).status).toBe(400);
    expect((await post("switch", { colour: "red" })).status).toBe(400);
    await post("switch", { subscriptionRequired: true });
    expect(await (await post("switch", { reset: true, slowMs: 5 })).json()).toMatchObject({ switches: { subscriptionRequired: false, slowMs: 5 } });
    expect(await (await post("org-view", { status: "DISABLED" })).json()).toMatchObject({ orgView: "DISABLED" });
    expect((await post("org-view", { status: "MAYBE" })).status).toBe(400);
    expect(await (await post("step")).json()).toMatchObject({ applied: true, index: 0 });
    const state = (await (await fetch(`${sim.url}/__sim/health/state`)).json()) as { stepIndex: number; events: number; accounts: unknown[] };
    expect(state).toMatchObject({ stepIndex: 0, events: 7 });
    expect(state.accounts).toHaveLength(3);
    expect((await fetch(`${sim.url}/__sim/health/nothing`)).status).toBe(404);
  });
});
