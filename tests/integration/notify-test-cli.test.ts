import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { listenTeamsReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { listenSmtpReceiver, type SmtpReceiver } from "@/tests/support/smtp-receiver";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "notify-cli-"));
let teams: Receiver;
let smtp: SmtpReceiver;
let aws: HealthApiSimulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [teams, smtp, aws] = await Promise.all([listenTeamsReceiver(), listenSmtpReceiver(), createHealthApiSimulator({ scenario: buildHealthFixtureScenario() })]);
  const file = path.join(dir, "notify.yaml");
  writeFileSync(
    file,
    [
      "channels:",
      `  - { id: teams, type: teams, url: "${teams.url}/workflows/x" }`,
      "  - { id: mail, type: email, to: [ops@example.com] }",
      `  - { id: topic, type: sns, topicArn: "arn:aws:sns:us-east-1:${MANAGEMENT}:healthdeck-notifications" }`,
    ].join("\n"),
  );
  env = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "test",
    HEALTHDECK_NOTIFY_CONFIG: file,
    HEALTHDECK_SMTP_URL: smtp.url,
    HEALTHDECK_SMTP_FROM: "alerts@example.com",
    AWS_ENDPOINT_URL_SNS: aws.url,
    AWS_ACCESS_KEY_ID: "AKIDSIMULATOR",
    AWS_SECRET_ACCESS_KEY: "simulator-secret-access-key",
  };
});
afterAll(async () => {
  await Promise.all([teams.close(), smtp.close(), aws.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const notifyTest = async (channel: string) => (await run(process.execPath, ["--import", "tsx", "scripts/notify-test.ts", channel], { env, timeout: 60_000 })).stdout;

describe("npm run notify:test -- <channel>", () => {
  it("sends a labelled sample card to Teams and says plainly that a Workflow's 200 does not prove it rendered", async () => {
    const out = await notifyTest("teams");
    expect(out).toContain('teams channel "teams": HTTP 200');
    expect(out).toContain("does NOT prove the card rendered");
    expect(teams.rejected).toEqual([]);
    expect(JSON.stringify(teams.received[0]?.body)).toContain("TEST MESSAGE from Healthdeck");
  }, 60_000);

  it("sends a sample e-mail and prints the SMTP server's answer", async () => {
    const out = await notifyTest("mail");
    expect(out).toContain('email channel "mail": accepted');
    expect(out).toMatch(/answer: 250 /);
    expect(smtp.received[0]?.text).toContain("TEST MESSAGE from Healthdeck");
  }, 60_000);

  it("publishes a sample to the SNS topic and prints its MessageId", async () => {
    const out = await notifyTest("topic");
    expect(out).toContain('sns channel "topic": accepted');
    expect(out).toContain(`answer: MessageId ${aws.sns.messages()[0]?.messageId}`);
  }, 60_000);
});
