import { DescribeEventsCommand, DescribeHealthServiceStatusForOrganizationCommand, DisableHealthServiceAccessForOrganizationCommand, type HealthClient } from "@aws-sdk/client-health";
import { afterEach, describe, expect, it } from "vitest";
import { createHealthApiPair, type HealthApiPair } from "@/lib/simulator/health-api/create-health-api-pair";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { GLOBAL_HEALTH_HOST } from "@/lib/simulator/health-api/fake-cname-resolver";
import { buildHealthFixtureScenario } from "@/lib/simulator/health-api/health-fixture-scenario";

let pair: HealthApiPair | undefined;
const clients: HealthClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await pair?.close();
  pair = undefined;
});

async function startPair(): Promise<HealthApiPair> {
  let clockMs = Date.parse("2026-08-01T12:00:00Z");
  pair = await createHealthApiPair({ scenario: buildHealthFixtureScenario(), now: () => (clockMs += 1_000) });
  return pair;
}

function clientFor(target: HealthApiPair, region: string, signingRegion = region): HealthClient {
  const client = createTestHealthClient(target.endpointForRegion(region) ?? "http://127.0.0.1:1", { region: signingRegion });
  clients.push(client);
  return client;
}

const regionOf = (cname: string) => cname.split(".")[1] ?? "us-east-1";

describe("createHealthApiPair", () => {
  it("resolves global.health.amazonaws.com to the active endpoint and maps regions to listener URLs", async () => {
    const target = await startPair();
    await expect(target.resolveCname(GLOBAL_HEALTH_HOST)).resolves.toEqual(["health.us-east-1.amazonaws.com"]);
    await expect(target.resolveCname("example.com")).rejects.toMatchObject({ code: "ENODATA" });
    expect(target.endpointForRegion("us-east-1")).toBe(target.listeners["us-east-1"].url);
    expect(target.endpointForRegion("us-east-2")).toBe(target.endpoints["us-east-2"]);
    expect(target.endpointForRegion("eu-west-1")).toBeUndefined();
    target.resolver.fail("ETIMEOUT");
    await expect(target.resolveCname(GLOBAL_HEALTH_HOST)).rejects.toMatchObject({ code: "ETIMEOUT", syscall: "queryCname" });
    target.resolver.fail(null);
    target.failover();
    await expect(target.resolveCname(GLOBAL_HEALTH_HOST)).resolves.toEqual(["health.us-east-2.amazonaws.com"]);
    expect(target.resolver.lookups()).toBe(4);
  });

  it("serves the latest data from the active endpoint and lags one step on the passive one", async () => {
    const target = await startPair();
    const eventCount = async (region: string) => ((await clientFor(target, region).send(new DescribeEventsCommand({ maxResults: 100 }))).events ?? []).length;
    target.step();
    expect(await eventCount("us-east-1")).toBe(5);
    expect(await eventCount("us-east-2")).toBe(0);
    target.step();
    expect(await eventCount("us-east-1")).toBe(6);
    expect(await eventCount("us-east-2")).toBe(5);
    target.failover("us-east-2");
    expect(await eventCount("us-east-2")).toBe(6);
    expect(await eventCount("us-east-1")).toBe(5);
    target.syncPassive();
    expect(await eventCount("us-east-1")).toBe(6);
    expect(target.stats()["us-east-1"].byOperation.DescribeEvents).toBe(4);
  });

  it("rejects a request signed for the other region with 403 InvalidSignatureException", async () => {
    const target = await startPair();
    const wrong = clientFor(target, "us-east-2", "us-east-1");
    await expect(wrong.send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 403 } });
    await expect(clientFor(target, "us-east-2").send(new DescribeEventsCommand({}))).resolves.toBeDefined();
  });

  it("flips mid-cycle: a poller that re-resolves per page restarts on us-east-2; old tokens are foreign there", async () => {
    const target = await startPair();
    target.step();
    target.step();
    let flipped = false;
    target.listeners["us-east-1"].onCall(({ operation }) => {
      if (operation === "DescribeEvents" && !flipped) {
        flipped = true;
        target.failover("us-east-2");
      }
    });
    const regionsUsed: string[] = [];
    const collect = async (): Promise<string[]> => {
      const arns: string[] = [];
      let nextToken: string | undefined;
      const region = regionOf((await target.resolveCname(GLOBAL_HEALTH_HOST))[0] ?? "");
      regionsUsed.push(region);
      do {
        const page = await clientFor(target, region).send(new DescribeEventsCommand({ maxResults: 2, nextToken }));
        arns.push(...(page.events ?? []).map((event) => event.arn ?? ""));
        nextToken = page.nextToken;
        const now = regionOf((await target.resolveCname(GLOBAL_HEALTH_HOST))[0] ?? "");
        if (now !== region) {
          await expect(clientFor(target, now).send(new DescribeEventsCommand({ maxResults: 2, nextToken }))).rejects.toMatchObject({ name: "InvalidPaginationToken" });
          return collect();
        }
      } while (nextToken);
      return arns;
    };
    const arns = await collect();
    expect(regionsUsed).toEqual(["us-east-1", "us-east-2"]);
    expect(arns).toHaveLength(6);
    expect(target.stats()["us-east-1"].byOperation).toEqual({ DescribeEvents: 1 });
    expect(target.stats()["us-east-2"].byOperation.DescribeEvents).toBe(4);
  });

  it("shares one organizational view state between the two endpoints, with per-endpoint switches", async () => {
    const target = await startPair();
    await clientFor(target, "us-east-1").send(new DisableHealthServiceAccessForOrganizationCommand({}));
    const status = await clientFor(target, "us-east-2").send(new DescribeHealthServiceStatusForOrganizationCommand({}));
    expect(status.healthServiceAccessStatusForOrganization).toBe("DISABLED");
    target.listeners["us-east-1"].setSwitches({ failNext: 1 });
    await expect(clientFor(target, "us-east-1").send(new DescribeEventsCommand({}))).rejects.toMatchObject({ name: "InternalFailure" });
    await expect(clientFor(target, "us-east-2").send(new DescribeEventsCommand({}))).resolves.toBeDefined();
  });
});
