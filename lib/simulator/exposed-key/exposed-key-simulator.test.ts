import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { addTrailEvents, createSeededWorld, generateTrail } from "@/lib/simulator/exposed-key/exposed-key-world";

const KEY = "AKIASIMWIRETEST00001";
const auth = (region: string, service: string) => `AWS4-HMAC-SHA256 Credential=AKIDWIRE/20261207/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
let sim: HealthApiSimulator;

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario(), accessKeys: { AKIDWIRE: MANAGEMENT } });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.exposedKey.setFaults({});
  sim.exposedKey.resetStats();
  sim.exposedKey.setWorld(createSeededWorld({ keys: [{ accessKeyId: KEY, accountId: MANAGEMENT, userName: "wire", status: "Active", quarantined: false, trail: { count: 120, regions: ["eu-west-1"], spanHours: 10 } }] }, Date.now()));
});

const lookup = (body: object, target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents") =>
  fetch(`${sim.url}/cloudtrail/`, { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target, Authorization: auth("eu-west-1", "cloudtrail") }, body: JSON.stringify(body) });
const byKey = { LookupAttributes: [{ AttributeKey: "AccessKeyId", AttributeValue: KEY }] };

describe("the fake CloudTrail (awsJson1_1)", () => {
  it("answers newest first in pages of 50 with NextToken, CloudTrailEvent as a JSON string", async () => {
    const first = (await (await lookup(byKey)).json()) as { Events: { EventTime: number; CloudTrailEvent: string }[]; NextToken?: string };
    expect(first.Events).toHaveLength(50);
    expect(first.Events[0]!.EventTime).toBeGreaterThan(first.Events[49]!.EventTime);
    expect(JSON.parse(first.Events[0]!.CloudTrailEvent)).toMatchObject({ userIdentity: { accessKeyId: KEY, userName: "wire" }, awsRegion: "eu-west-1", managementEvent: true });
    const second = (await (await lookup({ ...byKey, NextToken: first.NextToken })).json()) as { Events: unknown[]; NextToken?: string };
    expect(second.Events).toHaveLength(50);
    sim.exposedKey.resetStats();
    const third = (await (await lookup({ ...byKey, NextToken: second.NextToken }, "CloudTrail_20131101.LookupEvents")).json()) as { Events: unknown[]; NextToken?: string };
    expect(third.Events).toHaveLength(20);
    expect(third.NextToken).toBeUndefined();
  });

  it("throttles above 2 requests a second per region, with AWS's error shape", async () => {
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await lookup(byKey)).status);
    expect(statuses).toEqual([200, 200, 400]);
    const throttled = await lookup(byKey);
    expect(throttled.headers.get("x-amzn-errortype")).toBe("ThrottlingException");
    expect(await throttled.json()).toEqual({ __type: "ThrottlingException", message: "Rate exceeded" });
  });

  it("keeps 90 days, refuses more than 50 a page and a foreign token", async () => {
    const world = sim.exposedKey.world();
    const key = world.keys.get(KEY)!;
    addTrailEvents(world, generateTrail(key, { count: 5, regions: ["eu-west-1"], now: Date.now() - 100 * 86_400_000, spanMs: 1000 }));
    sim.exposedKey.setFaults({ ratePerSecond: 100 });
    const all = (await (await lookup({ ...byKey, StartTime: 0, MaxResults: 50 })).json()) as { NextToken?: string };
    let total = 0;
    let token: string | undefined = undefined;
    do {
      const page = (await (await lookup({ ...byKey, StartTime: 0, NextToken: token })).json()) as { Events: unknown[]; NextToken?: string };
      total += page.Events.length;
      token = page.NextToken;
    } while (token);
    expect(all.NextToken).toBeDefined();
    expect(total).toBe(120);
    expect(await (await lookup({ ...byKey, MaxResults: 51 })).json()).toMatchObject({ __type: "InvalidMaxResultsException" });
    expect(await (await lookup({ ...byKey, NextToken: "bm9wZQ" })).json()).toMatchObject({ __type: "InvalidNextTokenException" });
  });
});

describe("the fake IAM (query protocol)", () => {
  it("answers ListAccessKeys in IAM's XML and NoSuchEntity for an unknown user", async () => {
    const post = (body: string) => fetch(`${sim.url}/iam/`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", Authorization: auth("us-east-1", "iam") }, body });
    const xml = await (await post("Action=ListAccessKeys&Version=2010-05-08&UserName=wire")).text();
    expect(xml).toMatch(/^<ListAccessKeysResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><ListAccessKeysResult><AccessKeyMetadata><member><UserName>wire<\/UserName><AccessKeyId>AKIASIMWIRETEST00001<\/AccessKeyId><Status>Active<\/Status>/);
    const missing = await post("Action=ListAccessKeys&Version=2010-05-08&UserName=nobody");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<Code>NoSuchEntity</Code>");
  });
});
