import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyHealthError } from "@/lib/server/sources/account-health/classify-health-error";
import { checkCredentials, createAccountTargets, identifyTarget, identifyWithSts, readRoleAccountId } from "@/lib/server/sources/account-health/resolve-account-targets";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER } from "@/lib/simulator/health-api/health-fixture-scenario";
import { SIMULATOR_SECRET_ACCESS_KEY } from "@/lib/simulator/health-api/simulator-app-env";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

// The real STS client against the fake's STS (query protocol, XML), which maps this key to the member account.
const BASE = { accessKeyId: "AKIDRESOLVETEST", secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY };
let sim: HealthApiSimulator;
let sts: { endpoint: string };

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario(), accessKeys: { [BASE.accessKeyId]: MEMBER } });
  sts = { endpoint: sim.url };
});
beforeEach(() => sim.resetStats());
afterAll(() => sim.close());

describe("account targets against STS over HTTP", () => {
  it("uses the base credentials once without roles, and learns the account id from GetCallerIdentity once", async () => {
    const [target, ...rest] = createAccountTargets([], { baseCredentials: BASE }, sts);
    expect(rest).toEqual([]);
    expect(target).toMatchObject({ key: "default", roleArn: null, credentials: BASE, accountId: null });
    if (!target) throw new Error("no target");
    expect(await identifyTarget(target, sts)).toBe(MEMBER);
    expect(await identifyTarget(target, sts)).toBe(MEMBER);
    expect(sim.stsCalls()).toEqual({ GetCallerIdentity: 1 });
  });

  it("does not ask STS for an account id given up front (HEALTHDECK_ACCOUNT_ID)", async () => {
    const [target] = createAccountTargets([], { baseCredentials: BASE }, sts, "123456789012");
    if (!target) throw new Error("no target");
    expect(await identifyTarget(target, sts)).toBe("123456789012");
    expect(sim.stsCalls()).toEqual({});
  });

  it("makes one target per role, assumed through STS from the base credentials, account id from the ARN", async () => {
    const roles = [`arn:aws:iam::${MANAGEMENT}:role/HealthdeckReader`, `arn:aws:iam::${MEMBER}:role/path/HealthdeckReader`];
    const targets = createAccountTargets(roles, { baseCredentials: BASE }, sts);
    expect(targets.map((target) => [target.key, target.accountId])).toEqual(roles.map((role) => [role, readRoleAccountId(role)]));
    const [first, second] = targets;
    if (!first || !second) throw new Error("no targets");
    expect(await identifyTarget(first, sts)).toBe(MANAGEMENT);
    expect(sim.stsCalls()).toEqual({});

    await checkCredentials(first.credentials);
    expect(sim.stsCalls()).toEqual({ AssumeRole: 1 });
    // The session credentials STS handed out act as the role's account.
    expect(await identifyWithSts(second.credentials, sts)).toBe(MEMBER);
    expect(sim.stsCalls()).toEqual({ AssumeRole: 2, GetCallerIdentity: 1 });
    expect(readRoleAccountId("arn:aws-us-gov:iam::222222222222:role/path/B")).toBe("222222222222");
    expect(readRoleAccountId("arn:aws:iam::333333333333:user/x")).toBeNull();
  });

  it("surfaces STS AccessDenied for a role it will not let us assume, classified unavailable (a retry will not fix it)", async () => {
    const denied = "arn:aws:iam::999999999999:role/NotTrustingUs";
    const [target] = createAccountTargets([denied], { baseCredentials: BASE }, sts);
    if (!target) throw new Error("no target");
    const error: unknown = await checkCredentials(target.credentials).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(error instanceof Error ? error.message : "").toBe(
      `User: arn:aws:iam::${MEMBER}:user/healthdeck is not authorized to perform: sts:AssumeRole on resource: ${denied}`,
    );
    expect(classifyHealthError(error)).toMatchObject({ kind: "unavailable", code: "AccessDenied", httpStatus: 403 });
  });

  it("surfaces a provider's failure when the credentials are checked", async () => {
    await expect(checkCredentials(BASE)).resolves.toBeUndefined();
    await expect(checkCredentials(() => Promise.reject(new Error("no profile")))).rejects.toThrow("no profile");
  });
});
