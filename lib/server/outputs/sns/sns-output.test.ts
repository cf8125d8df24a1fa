import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decideAttemptResult } from "@/lib/server/outputs/delivery/decide-attempt-result";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { publishToSns, snsOutput } from "@/lib/server/outputs/sns/sns-output";
import { SNS_LIMITS, type SnsMessage } from "@/lib/server/outputs/sns/render-sns-message";
import type { Delivery } from "@/lib/server/store/contract/outbox-contract";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";

const TOPIC = `arn:aws:sns:eu-west-1:${MANAGEMENT}:healthdeck-notifications`;
let sim: HealthApiSimulator;

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
  // The real SDK with its default credential chain, pointed at the fake by the standard variable.
  vi.stubEnv("AWS_ENDPOINT_URL_SNS", sim.url);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDSIMULATOR");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "simulator-secret-access-key");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sim.close();
});

const render = (overrides: Parameters<typeof buildSampleChange>[0] = {}) => snsOutput.render(buildSampleChange(overrides), { publicUrl: null }).body as SnsMessage;
const delivery = { attempts: 0, deadlineAt: Date.now() + 3_600_000 } as Delivery;
const decide = (outcome: Awaited<ReturnType<typeof publishToSns>>) => decideAttemptResult(delivery, outcome, Date.now(), { baseMs: 10, capMs: 100, random: () => 0.5 });

describe("the SNS channel through the real SDK against the simulated SNS", () => {
  it("publishes an ASCII subject, the plain-text message and the attributes filter policies match on", async () => {
    sim.sns.reset();
    const message = render({
      kind: "resolved",
      source: "account",
      service: "EC2",
      region: "eu-west-1",
      eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
      accounts: ["111111111111 (prod)", "Sandbox (222222222222)"],
      link: "https://health.example.com/events/x",
    });
    const outcome = await publishToSns(message, TOPIC, 5_000);
    expect(outcome).toMatchObject({ ok: true, status: 200, error: null });
    const [published] = sim.sns.messages();
    expect(outcome.responseText).toBe(`MessageId ${published?.messageId}`);
    expect(published?.topicArn).toBe(TOPIC);
    expect(published?.subject).toBe("[Healthdeck] RESOLVED: EC2 operational issue in eu-west-1");
    expect(published?.message).toContain("Resolved: TEST MESSAGE");
    expect(published?.message).toContain("Open in Healthdeck: https://health.example.com/events/x");
    expect(published?.attributes).toEqual({
      source: { dataType: "String", value: "account" },
      kind: { dataType: "String", value: "resolved" },
      service: { dataType: "String", value: "EC2" },
      region: { dataType: "String", value: "eu-west-1" },
      category: { dataType: "String", value: "issue" },
      security: { dataType: "String", value: "false" },
      eventTypeCode: { dataType: "String", value: "AWS_EC2_OPERATIONAL_ISSUE" },
      accounts: { dataType: "String.Array", value: '["111111111111","222222222222"]' },
    });
  });

  it("keeps within SNS's limits: a subject under 100 ASCII characters and 256 KB in all, which SNS accepts", async () => {
    sim.sns.reset();
    const message = render({ service: "ÉLASTIC", eventTypeCode: null, region: `東京-${"ap-southeast-7".repeat(10)}`, latestUpdate: "日本語".repeat(200_000), title: "x".repeat(5_000) });
    expect(message.subject.length).toBeLessThan(100);
    expect(message.subject).toMatch(/^\[Healthdeck\] NEW: ELASTIC operational issue in \?\?-ap-southeast-7/);
    expect(message.subject).toMatch(/^[\x20-\x7e]+$/);
    expect(Buffer.byteLength(message.message, "utf8")).toBeLessThanOrEqual(SNS_LIMITS.messageBytes);
    expect((await publishToSns(message, TOPIC, 5_000)).ok).toBe(true);
    // The fake refuses what SNS refuses: a subject of 100 characters.
    const refused = await publishToSns({ ...message, subject: "s".repeat(100) }, TOPIC, 5_000);
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(refused.error).toContain("InvalidParameter");
    expect(decide(refused).status).toBe("failed");
  });

  it("publishes a digest listing each change with kind, title, region and link, cut with …and N more", async () => {
    sim.sns.reset();
    const items = Array.from({ length: 230 }, (_, index) => buildSampleChange({ kind: "updated", title: `Event ${index}`, region: "eu-west-1", link: `https://h.example.com/e/${index}` }));
    const digest = snsOutput.renderDigest({ kind: "digest", at: "2026-01-01T00:00:00.000Z", items, total: 240, windowMinutes: 10, link: null }, { publicUrl: null }).body as SnsMessage;
    expect((await publishToSns(digest, TOPIC, 5_000)).ok).toBe(true);
    const [published] = sim.sns.messages();
    expect(published?.subject).toBe("[Healthdeck] DIGEST: 240 changes in 10 minutes");
    expect(published?.message).toContain("- Update: Event 0 — eu-west-1 https://h.example.com/e/0");
    expect(published?.message).toContain("…and 40 more");
    expect(published?.attributes.kind).toEqual({ dataType: "String", value: "digest" });
  });

  it("an unknown topic is NotFound (404): the channel is broken", async () => {
    const outcome = await publishToSns(render(), `arn:aws:sns:eu-west-1:${MANAGEMENT}:no-such-topic`, 5_000);
    expect(outcome).toMatchObject({ ok: false, status: 404 });
    expect(outcome.error).toContain("Topic does not exist");
    expect(decide(outcome)).toMatchObject({ status: "failed", isChannelBroken: true });
  });

  it("Throttling (400) is retried after a pause; AuthorizationError (403) fails for good", async () => {
    sim.sns.setSwitches({ throttleNext: 1 });
    const throttled = await publishToSns(render(), TOPIC, 5_000);
    expect(throttled).toMatchObject({ ok: false, status: 429 });
    expect(throttled.error).toContain("Rate exceeded");
    expect(decide(throttled)).toMatchObject({ status: "queued", isChannelBroken: false });
    expect((await publishToSns(render(), TOPIC, 5_000)).ok).toBe(true);

    sim.sns.setSwitches({ denyNext: 1 });
    const denied = await publishToSns(render(), TOPIC, 5_000);
    expect(denied).toMatchObject({ ok: false, status: 403 });
    expect(denied.error).toContain("not authorized to perform: SNS:Publish");
    expect(decide(denied)).toMatchObject({ status: "failed", isChannelBroken: false });
  });

  it("no answer (nothing listens) is retried, never sent", async () => {
    const closed = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
    await closed.close();
    vi.stubEnv("AWS_ENDPOINT_URL_SNS", closed.url);
    try {
      // A fresh client (another timeout) reads the endpoint anew.
      const outcome = await publishToSns(render(), TOPIC, 1_234);
      expect(outcome).toMatchObject({ ok: false, status: null });
      expect(outcome.error).toMatch(/network error/);
      expect(decide(outcome).status).toBe("queued");
    } finally {
      vi.stubEnv("AWS_ENDPOINT_URL_SNS", sim.url);
    }
  });
});
