import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { createSeededWorld, DEMO_EXPOSED_KEY_ID, type SeedBody } from "@/lib/simulator/exposed-key/exposed-key-world";
import { deactivateAccessKey } from "@/lib/server/sources/exposed-key/deactivate-access-key";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { listEnabledRegions } from "@/lib/server/sources/exposed-key/list-enabled-regions";
import { lookupKeyTrail } from "@/lib/server/sources/exposed-key/lookup-key-trail";
import { readKeyState } from "@/lib/server/sources/exposed-key/read-key-state";

const KEY = "AKIAEXPOSEDTEST00001";
let sim: HealthApiSimulator;

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.exposedKey.setFaults({});
  sim.exposedKey.resetStats();
});

function settings(patch: Partial<ExposedKeySourceSettings> = {}): ExposedKeySourceSettings {
  return {
    readRoleTemplate: "arn:aws:iam::{account}:role/HealthdeckResponder",
    actionRoleTemplate: "arn:aws:iam::{account}:role/HealthdeckResponderAction",
    endpoints: { cloudtrail: `${sim.url}/cloudtrail`, iam: `${sim.url}/iam`, ec2: `${sim.url}/ec2`, sts: sim.url },
    requestTimeoutMs: 2_000,
    regionTimeoutMs: 20_000,
    ratePerSecond: 2,
    maxEvents: 10_000,
    userAgent: "healthdeck-test",
    baseCredentials: { accessKeyId: "AKIDBASETEST", secretAccessKey: "test-secret" },
    ...patch,
  };
}

function seed(trail: { count: number; regions: string[]; spanHours?: number }, extra: Partial<SeedBody["keys"][number]> = {}): void {
  const body: SeedBody = {
    keys: [{ accessKeyId: KEY, accountId: MANAGEMENT, userName: "ci-deploy", status: "Active", quarantined: true, trail: { spanHours: 20, ...trail }, ...extra }],
  };
  sim.exposedKey.setWorld(createSeededWorld(body, Date.now()));
}

const cloudTrailCalls = () => Object.entries(sim.exposedKey.state().calls).filter(([key]) => key.startsWith("cloudtrail:")).reduce((sum, [, count]) => sum + count, 0);
const lookup = (patch: Partial<ExposedKeySourceSettings> = {}, regions = ["us-east-1", "us-west-2"], hours = 24) =>
  lookupKeyTrail(settings(patch), { accountId: MANAGEMENT, keyId: KEY, regions, hours, now: Date.now() });

describe("the exposed-key look-up through the real SDK clients and the simulator", () => {
  it("pages LookupEvents in each region under the limit, groups the calls, and makes no call beyond the pages", async () => {
    seed({ count: 240, regions: ["us-east-1", "us-west-2"] });
    const trail = await lookup();
    expect(trail.regions.map((region) => [region.region, region.status, region.pages, region.events])).toEqual([
      ["us-east-1", "complete", 3, 120],
      ["us-west-2", "complete", 3, 120],
    ]);
    expect(trail.totalEvents).toBe(240);
    expect(trail.cappedAt).toBeNull();
    expect(trail.groups.reduce((sum, group) => sum + group.count, 0)).toBe(240);
    expect(trail.groups[0]).toMatchObject({ eventSource: expect.stringMatching(/amazonaws\.com$/), sourceIp: expect.stringMatching(/^192\.0\.2\./), userAgent: "aws-cli/2.15.30" });
    expect(cloudTrailCalls()).toBe(6);
    expect(sim.exposedKey.state().throttled).toBe(0);
  });

  it("reads only the chosen window", async () => {
    seed({ count: 100, regions: ["us-east-1"], spanHours: 48 });
    const trail = await lookup({}, ["us-east-1"], 24);
    expect(trail.totalEvents).toBeGreaterThan(40);
    expect(trail.totalEvents).toBeLessThan(60);
  });

  it("slows down and completes when AWS throttles below our pace", async () => {
    seed({ count: 200, regions: ["us-east-1"] });
    sim.exposedKey.setFaults({ ratePerSecond: 0.8 });
    const trail = await lookup({ ratePerSecond: 4 }, ["us-east-1"]);
    expect(sim.exposedKey.state().throttled).toBeGreaterThan(0);
    expect(trail.regions[0]).toMatchObject({ status: "complete", events: 200 });
  }, 30_000);

  it("says AccessDenied per region when the role may not read CloudTrail", async () => {
    seed({ count: 10, regions: ["us-east-1"] });
    sim.exposedKey.setFaults({ denyCloudTrail: true });
    const trail = await lookup();
    expect(trail.regions.map((region) => region.problem?.kind)).toEqual(["access-denied", "access-denied"]);
    expect(trail.regions[0]?.problem?.reason).toContain("cloudtrail:LookupEvents");
  });

  it("shows the regions that answered when one hangs, and says why the other is missing", async () => {
    seed({ count: 30, regions: ["us-east-1", "eu-west-1"] });
    sim.exposedKey.setFaults({ hangRegions: ["eu-west-1"] });
    const trail = await lookup({ regionTimeoutMs: 1_500, requestTimeoutMs: 1_000 }, ["us-east-1", "eu-west-1"]);
    expect(trail.regions.find((region) => region.region === "us-east-1")).toMatchObject({ status: "complete", events: 15 });
    expect(trail.regions.find((region) => region.region === "eu-west-1")).toMatchObject({ status: "failed", problem: { kind: "timeout" } });
  });

  it("stops at 10,000 events and says so", async () => {
    seed({ count: 12_000, regions: ["us-east-1", "us-west-2"] });
    sim.exposedKey.setFaults({ ratePerSecond: 1_000 });
    const trail = await lookup({ ratePerSecond: 500 });
    expect(trail.totalEvents).toBe(10_000);
    expect(trail.cappedAt).toBe(10_000);
    expect(trail.regions.some((region) => region.status === "capped")).toBe(true);
    expect(trail.groups.length).toBeLessThan(100);
    expect(cloudTrailCalls()).toBeLessThanOrEqual(10_000 / 50 + 2);
  }, 60_000);

  it("says the role is missing when it cannot be assumed in the account", async () => {
    const trail = await lookupKeyTrail(settings(), { accountId: "999999999999", keyId: KEY, regions: ["us-east-1"], hours: 24, now: Date.now() });
    expect(trail.regions[0]?.problem?.kind).toBe("missing-role");
  });

  it("says when Healthdeck runs as the quarantined principal itself", async () => {
    seed({ count: 10, regions: ["us-east-1"] });
    const asTheKey = settings({ readRoleTemplate: null, baseCredentials: { accessKeyId: KEY, secretAccessKey: "leaked" } });
    const trail = await lookupKeyTrail(asTheKey, { accountId: MANAGEMENT, keyId: KEY, regions: ["us-east-1"], hours: 24, now: Date.now() });
    expect(trail.regions[0]?.problem?.kind).toBe("quarantined-principal");
  });

  it("reads the key's state from IAM and lists the enabled regions from EC2", async () => {
    seed({ count: 0, regions: ["us-east-1"] });
    const state = await readKeyState(settings(), { accountId: MANAGEMENT, keyId: KEY, userName: null, now: Date.now() });
    expect(state).toMatchObject({ status: "Active", userName: "ci-deploy", quarantinePolicies: ["AWSCompromisedKeyQuarantineV3"], quarantineKnown: true, problems: [] });
    expect(await listEnabledRegions(settings(), MANAGEMENT)).toContain("eu-west-1");
    sim.exposedKey.setFaults({ denyIam: true });
    const denied = await readKeyState(settings(), { accountId: MANAGEMENT, keyId: KEY, userName: "ci-deploy", now: Date.now() });
    expect(denied.status).toBe("unknown");
    expect(denied.problems[0]?.kind).toBe("access-denied");
  });

  it("deactivates with the action role, once; a second time says already inactive", async () => {
    seed({ count: 0, regions: ["us-east-1"] });
    const input = { accountId: MANAGEMENT, keyId: KEY, userName: "ci-deploy" };
    expect(await deactivateAccessKey(settings(), input)).toEqual({ result: "deactivated" });
    expect(sim.exposedKey.state().keys.find((key) => key.accessKeyId === KEY)?.status).toBe("Inactive");
    expect(await deactivateAccessKey(settings(), input)).toEqual({ result: "already-inactive" });
    expect(sim.exposedKey.state().calls["iam:UpdateAccessKey:us-east-1"]).toBe(1);
    expect(await deactivateAccessKey(settings({ actionRoleTemplate: null }), input)).toMatchObject({ result: "failed", problem: { kind: "missing-role" } });
  });

  it("keeps the demo key in the default world", () => {
    expect(DEMO_EXPOSED_KEY_ID).toMatch(/^AKIA/);
  });
});
