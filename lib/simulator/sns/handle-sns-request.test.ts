import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";

const NS = "http://sns.amazonaws.com/doc/2010-03-31/";
const AUTH = "AWS4-HMAC-SHA256 Credential=AKIDWIRE/20260801/eu-west-1/sns/aws4_request, SignedHeaders=host, Signature=0";
const TOPIC = `arn:aws:sns:eu-west-1:${MANAGEMENT}:healthdeck-notifications`;
let sim: HealthApiSimulator;

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario(), snsTopics: ["arn:aws:sns:us-east-1:999999999999:security"] });
});
afterAll(() => sim.close());

const post = (params: Record<string, string>, authorization = AUTH) =>
  fetch(sim.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", Authorization: authorization }, body: new URLSearchParams(params).toString() });
const requestIdOf = (xml: string) => /<RequestId>([0-9a-f-]{36})<\/RequestId>/.exec(xml)?.[1] ?? "";
const publish = (extra: Record<string, string> = {}) => post({ Action: "Publish", Version: "2010-03-31", TopicArn: TOPIC, Message: "hello", ...extra });

describe("the fake SNS on the simulator's Health API listener (AWS query protocol)", () => {
  it("answers Publish in SNS's XML and records the message with its attributes", async () => {
    sim.sns.reset();
    const response = await publish({ Subject: "[Healthdeck] NEW: x", "MessageAttributes.entry.1.Name": "accounts", "MessageAttributes.entry.1.Value.DataType": "String.Array", "MessageAttributes.entry.1.Value.StringValue": '["1"]' });
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(response.headers.get("x-amzn-requestid")).toBe(requestIdOf(xml));
    const [recorded] = sim.sns.messages();
    expect(xml).toBe(
      `<PublishResponse xmlns="${NS}">\n  <PublishResult>\n    <MessageId>${recorded?.messageId}</MessageId>\n  </PublishResult>\n` +
        `  <ResponseMetadata>\n    <RequestId>${requestIdOf(xml)}</RequestId>\n  </ResponseMetadata>\n</PublishResponse>\n`,
    );
    expect(recorded).toMatchObject({ topicArn: TOPIC, subject: "[Healthdeck] NEW: x", message: "hello", attributes: { accounts: { dataType: "String.Array", value: '["1"]' } } });
    expect(await (await fetch(`${sim.url}/__sim/sns/messages`)).json()).toEqual([expect.objectContaining({ messageId: recorded?.messageId })]);
  });

  it("knows each account's healthdeck-notifications topic and the configured ones; any other is NotFound (404)", async () => {
    expect((await post({ Action: "Publish", Version: "2010-03-31", TopicArn: "arn:aws:sns:us-east-1:999999999999:security", Message: "m" })).status).toBe(200);
    const response = await post({ Action: "Publish", Version: "2010-03-31", TopicArn: `arn:aws:sns:eu-west-1:${MANAGEMENT}:other`, Message: "m" });
    const xml = await response.text();
    expect(response.status).toBe(404);
    expect(xml).toBe(
      `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>NotFound</Code>\n    <Message>Topic does not exist</Message>\n  </Error>\n` +
        `  <RequestId>${requestIdOf(xml)}</RequestId>\n</ErrorResponse>\n`,
    );
  });

  it("refuses what SNS refuses: a long or non-ASCII subject, an empty message, a bad String.Array, an unknown action", async () => {
    const codeOf = async (response: Response) => [response.status, /<Code>(\w+)<\/Code>/.exec(await response.text())?.[1]];
    expect(await codeOf(await publish({ Subject: "s".repeat(100) }))).toEqual([400, "InvalidParameter"]);
    expect(await codeOf(await publish({ Subject: "résumé" }))).toEqual([400, "InvalidParameter"]);
    expect(await codeOf(await publish({ Message: "" }))).toEqual([400, "InvalidParameter"]);
    expect(await codeOf(await publish({ Message: "x".repeat(256 * 1024 + 1) }))).toEqual([400, "InvalidParameter"]);
    expect(await codeOf(await publish({ "MessageAttributes.entry.1.Name": "a", "MessageAttributes.entry.1.Value.DataType": "String.Array", "MessageAttributes.entry.1.Value.StringValue": "nope" }))).toEqual([400, "ParameterValueInvalid"]);
    expect(await codeOf(await post({ Action: "CreateTopic", Version: "2010-03-31", Name: "x" }))).toEqual([400, "InvalidAction"]);
  });

  it("throttles and denies on its switches (also over the control route), and leaves STS on the same listener alone", async () => {
    const switched = await fetch(`${sim.url}/__sim/sns/switch`, { method: "POST", body: JSON.stringify({ throttleNext: 1, denyNext: 1 }) });
    expect(await switched.json()).toEqual({ throttleNext: 1, denyNext: 1 });
    const throttled = await publish();
    expect([throttled.status, await throttled.text()]).toEqual([400, expect.stringContaining("<Code>Throttling</Code>\n    <Message>Rate exceeded</Message>")]);
    const denied = await publish();
    expect([denied.status, await denied.text()]).toEqual([403, expect.stringContaining("<Code>AuthorizationError</Code>")]);
    expect((await publish()).status).toBe(200);
    const sts = await post({ Action: "GetCallerIdentity", Version: "2011-06-15" }, AUTH.replace("/sns/", "/sts/"));
    expect(sts.status).toBe(200);
    expect(await sts.text()).toContain("<GetCallerIdentityResponse");
  });
});
