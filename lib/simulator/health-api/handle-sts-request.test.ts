import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER } from "@/lib/simulator/health-api/health-fixture-scenario";

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const AUTH = "AWS4-HMAC-SHA256 Credential=AKIDWIRE/20260801/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0";
let sim: HealthApiSimulator;

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario(), accessKeys: { AKIDWIRE: MEMBER } });
});
afterAll(() => sim.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(sim.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", Authorization: AUTH, ...headers }, body });
const requestIdOf = (xml: string) => /<RequestId>([0-9a-f-]{36})<\/RequestId>/.exec(xml)?.[1] ?? "";

describe("the fake STS on the Health API listener (AWS query protocol)", () => {
  it("answers GetCallerIdentity in AWS's XML, for the account the access key maps to", async () => {
    const response = await post("Action=GetCallerIdentity&Version=2011-06-15");
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(response.headers.get("x-amzn-requestid")).toBe(requestIdOf(xml));
    expect(xml).toBe(
      `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::${MEMBER}:user/healthdeck</Arn>` +
        `<UserId>AIDA${MEMBER}SIMUSER</UserId><Account>${MEMBER}</Account></GetCallerIdentityResult>` +
        `<ResponseMetadata><RequestId>${requestIdOf(xml)}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  });

  it("hands out session credentials for a role in one of its accounts, which then act as that role", async () => {
    const role = `arn:aws:iam::${MANAGEMENT}:role/HealthdeckReader`;
    const response = await post(`Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(role)}&RoleSessionName=healthdeck`);
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(xml).toMatch(new RegExp(`^<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><AssumedRoleUser><Arn>arn:aws:sts::${MANAGEMENT}:assumed-role/HealthdeckReader/healthdeck</Arn>`));
    const key = /<AccessKeyId>(ASIA\w{16})<\/AccessKeyId>/.exec(xml)?.[1];
    const token = /<SessionToken>([^<]+)<\/SessionToken>/.exec(xml)?.[1];
    const expiration = Date.parse(/<Expiration>([^<]+)<\/Expiration>/.exec(xml)?.[1] ?? "");
    expect(expiration - Date.now()).toBeGreaterThan(50 * 60_000);
    if (!key || !token) throw new Error(`no credentials in ${xml}`);

    const identity = await (
      await post("Action=GetCallerIdentity&Version=2011-06-15", { Authorization: AUTH.replace("AKIDWIRE", key), "X-Amz-Security-Token": token })
    ).text();
    expect(identity).toContain(`<Arn>arn:aws:sts::${MANAGEMENT}:assumed-role/HealthdeckReader/healthdeck</Arn>`);
    expect(identity).toContain(`<Account>${MANAGEMENT}</Account>`);
  });

  it("denies AssumeRole into an account it does not know with AWS's AccessDenied error document and HTTP 403", async () => {
    const role = "arn:aws:iam::999999999999:role/Other";
    const response = await post(`Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(role)}&RoleSessionName=healthdeck`);
    const xml = await response.text();
    expect(response.status).toBe(403);
    expect(xml).toBe(
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>AccessDenied</Code>` +
        `<Message>User: arn:aws:iam::${MEMBER}:user/healthdeck is not authorized to perform: sts:AssumeRole on resource: ${role}</Message>` +
        `</Error><RequestId>${requestIdOf(xml)}</RequestId></ErrorResponse>`,
    );
  });

  it("rejects a malformed role ARN and an unknown action, and counts STS apart from the Health API", async () => {
    sim.resetStats();
    expect((await post("Action=AssumeRole&Version=2011-06-15&RoleArn=nope&RoleSessionName=healthdeck")).status).toBe(400);
    const unknown = await post("Action=GetSessionToken&Version=2011-06-15");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("<Code>InvalidAction</Code>");
    expect(sim.stsCalls()).toEqual({ AssumeRole: 1, GetSessionToken: 1 });
    expect(sim.stats().total).toBe(0);
  });
});
