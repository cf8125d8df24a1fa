import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeSmtpTransports } from "@/lib/server/outputs/email/smtp-transport";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { teamsOutput } from "@/lib/server/outputs/teams/teams-output";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";
import { listenTeamsReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { listenSmtpReceiver, type SmtpAnswer, type SmtpReceiver } from "@/tests/support/smtp-receiver";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";

const dir = mkdtempSync(path.join(tmpdir(), "notify-channels-it-"));
const open: { close(): Promise<void> }[] = [];
let aws: HealthApiSimulator;
const TOPIC = `arn:aws:sns:us-east-1:${MANAGEMENT}:healthdeck-notifications`;

beforeAll(async () => {
  // The simulator's AWS listener, reached by the real SDK through the standard variables.
  aws = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
  vi.stubEnv("AWS_ENDPOINT_URL_SNS", aws.url);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDSIMULATOR");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "simulator-secret-access-key");
});
afterEach(async () => {
  closeSmtpTransports();
  for (const item of open.splice(0).reverse()) await item.close();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

const FAST = { requestTimeoutMs: 2_000, retryBaseMs: 40, retryCapMs: 200, intervalMs: 50 };
const track = <T extends { close(): Promise<void> }>(item: T) => {
  open.push(item);
  return item;
};

async function startStack(channels: object[], smtpUrl: string): Promise<PublicStack> {
  const file = path.join(dir, `notify-${Date.now()}-${open.length}.yaml`);
  writeFileSync(file, JSON.stringify({ channels, rules: [{ channels: channels.map((channel) => (channel as { id: string }).id) }] }));
  return track(
    await startPublicStack({
      scenario: INCIDENT_SCENARIO,
      env: {
        HEALTHDECK_NOTIFY_CONFIG: file,
        HEALTHDECK_PUBLIC_URL: "https://health.example.com",
        HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600",
        HEALTHDECK_SMTP_URL: smtpUrl,
        HEALTHDECK_SMTP_FROM: "Healthdeck <alerts@example.com>",
      },
      notify: FAST,
    }),
  );
}

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
const deliveries = (stack: PublicStack) => stack.runtime.store.outbox.list({ after: 0, limit: 1000, channel: null, status: null });

async function playIncident(stack: PublicStack): Promise<void> {
  await stack.pollAll();
  for (let step = 0; step < INCIDENT_SCENARIO.steps.length; step += 1) {
    stack.simulator.step();
    await stack.pollAll();
  }
}

describe("Teams, e-mail and SNS through the real dispatcher", () => {
  it("an incident opens, updates and resolves: each channel gets opened → updated → resolved, in order and threaded; a 451 is retried", async () => {
    const script: SmtpAnswer[] = [{ code: 451, message: "4.3.0 Try again later" }];
    const smtp: SmtpReceiver = track(await listenSmtpReceiver({ answers: (index) => script[index] ?? null }));
    const teams: Receiver = track(await listenTeamsReceiver());
    aws.sns.reset();
    const stack = await startStack(
      [
        { id: "mail", type: "email", to: ["ops@example.com"] },
        { id: "teams", type: "teams", url: `${teams.url}/workflows/x?sig=secret` },
        { id: "topic", type: "sns", topicArn: TOPIC },
      ],
      smtp.url,
    );
    await playIncident(stack);
    stack.runtime.poller.start();
    await waitFor(async () => (await deliveries(stack)).every((delivery) => delivery.status !== "queued"));

    const all = await deliveries(stack);
    expect(all.every((delivery) => delivery.status === "sent")).toBe(true);
    expect(all.filter((delivery) => delivery.channel === "mail" && delivery.attempts === 2)).toHaveLength(1);
    expect(smtp.attempts).toBe(smtp.received.length + 1);

    // E-mail: per event NEW first, RESOLVED last, UPDATEs between; all point at one root; every Message-ID unique.
    const byRoot = new Map<string, string[]>();
    for (const mail of smtp.received) {
      expect(mail.text).toBeTruthy();
      expect(mail.html).toBeTruthy();
      expect(mail.html || "").not.toContain("<script>");
      expect(mail.inReplyTo).toBe(mail.references);
      byRoot.set(String(mail.inReplyTo), [...(byRoot.get(String(mail.inReplyTo)) ?? []), mail.subject ?? ""]);
    }
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(smtp.received.length);
    expect(byRoot.size).toBe(2);
    for (const subjects of byRoot.values()) {
      expect(subjects[0]).toMatch(/^\[Healthdeck\] NEW: /);
      expect(subjects.at(-1)).toMatch(/^\[Healthdeck\] RESOLVED: /);
      expect(subjects.slice(1, -1).every((subject) => subject.startsWith("[Healthdeck] UPDATE: "))).toBe(true);
      expect(subjects.length).toBeGreaterThanOrEqual(3);
    }
    expect(smtp.received.map((mail) => mail.subject)).toEqual(
      expect.arrayContaining(["[Healthdeck] NEW: EC2 operational issue in us-east-1", "[Healthdeck] NEW: MULTIPLE SERVICES operational issue in us-west-2"]),
    );

    // Teams: the receiver checked every card; the same sequence of labels.
    expect(teams.rejected).toEqual([]);
    expect(teams.received).toHaveLength(smtp.received.length);
    const labels = teams.received.map((receipt) => (receipt.body as { attachments: [{ content: { body: [{ text: string }] } }] }).attachments[0].content.body[0].text);
    expect(labels.filter((label) => label === "New")).toHaveLength(2);
    expect(labels.filter((label) => label === "Resolved")).toHaveLength(2);

    // SNS: the same messages (the e-mail retry reordered the two events' interleaving, not each event's order).
    const published = aws.sns.messages();
    expect(published.map((message) => message.subject).sort()).toEqual(smtp.received.map((mail) => mail.subject).sort());
    expect(published.every((message) => message.topicArn === TOPIC && message.attributes.source?.value === "public")).toBe(true);
  }, 90_000);

  it("closing the runtime closes its pooled SMTP connections (a stopped replica leaves no session open at the mail server)", async () => {
    const smtp = track(await listenSmtpReceiver());
    const stack = await startStack([{ id: "mail", type: "email", to: ["ops@example.com"] }], smtp.url);
    await playIncident(stack);
    stack.runtime.poller.start();
    await waitFor(async () => (await deliveries(stack)).length > 0 && (await deliveries(stack)).every((delivery) => delivery.status === "sent"));
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(smtp.openConnections).toBeGreaterThan(0);

    // At once, not when an idle timer or the server's own timeout ends the session (that takes seconds).
    await stack.runtime.close();
    await waitFor(() => smtp.openConnections === 0, 1_000);
  }, 60_000);

  it("a 550 fails the e-mail for good and says why; the Teams channel is unaffected", async () => {
    const smtp = track(await listenSmtpReceiver({ answers: () => ({ code: 550, message: "5.1.1 No such user" }) }));
    const teams = track(await listenTeamsReceiver());
    const stack = await startStack(
      [
        { id: "mail", type: "email", to: ["nobody@example.com"] },
        { id: "teams", type: "teams", url: teams.url },
      ],
      smtp.url,
    );
    await stack.pollAll();
    stack.simulator.step();
    await stack.pollAll();
    await stack.runtime.poller.runNow("notify-dispatch");
    const all = await deliveries(stack);
    expect(all.map((delivery) => [delivery.channel, delivery.kind, delivery.status, delivery.attempts])).toEqual([
      ["mail", "opened", "failed", 1],
      ["teams", "opened", "sent", 1],
    ]);
    expect(all[0]?.lastError).toContain("550 5.1.1 No such user (permanent)");
    expect(smtp.received).toHaveLength(0);
  }, 60_000);

  it("Teams gets at most 4 posts a second: 8 cards queued at once take at least 6 intervals of 250 ms", async () => {
    const teams = track(await listenTeamsReceiver());
    const stack = await startStack([{ id: "teams", type: "teams", url: teams.url }], "smtp://127.0.0.1:1");
    const now = Date.now();
    const card = teamsOutput.render(buildSampleChange(), { publicUrl: null });
    await stack.runtime.store.write((tx) =>
      tx.outbox.enqueue(
        Array.from({ length: 8 }, (_, index) => ({ key: `teams:e-${index}:opened`, channel: "teams", kind: "opened" as const, eventId: `e-${index}`, journalId: index, createdAt: now, deadlineAt: now + 60_000, message: card })),
      ),
    );
    stack.runtime.poller.start();
    await waitFor(() => teams.received.length === 8);
    // One interval of slack for when each request arrives; load only widens the span.
    expect((teams.received.at(-1)?.at ?? 0) - (teams.received[0]?.at ?? 0)).toBeGreaterThanOrEqual(6 * 250);
    expect(teams.rejected).toEqual([]);
  }, 60_000);
});
