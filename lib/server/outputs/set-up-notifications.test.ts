import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { readNotifyConfig } from "@/lib/server/outputs/set-up-notifications";

const dir = mkdtempSync(path.join(tmpdir(), "notify-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (channels: object[], settings: Record<string, string> = {}) => {
  const file = path.join(dir, `notify-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ channels }));
  return () => readNotifyConfig(parseConfig({ HEALTHDECK_NOTIFY_CONFIG: file, ...settings }), {});
};

describe("reading the notifications file at start-up", () => {
  it("accepts Teams, e-mail and SNS channels", () => {
    const notify = read(
      [
        { id: "teams", type: "teams", url: "https://prod-00.westeurope.logic.azure.com/workflows/x" },
        { id: "mail", type: "email", to: ["ops@example.com"] },
        { id: "topic", type: "sns", topicArn: "arn:aws:sns:eu-west-1:123456789012:alerts" },
      ],
      { HEALTHDECK_SMTP_URL: "smtps://user:secret@mail.example.com", HEALTHDECK_SMTP_FROM: "Healthdeck <alerts@example.com>" },
    )();
    expect(notify?.channels.map((channel) => channel.type)).toEqual(["teams", "email", "sns"]);
  });

  it("stops on an e-mail channel without HEALTHDECK_SMTP_URL or HEALTHDECK_SMTP_FROM, saying which", () => {
    const mail = [{ id: "mail", type: "email", to: ["ops@example.com"] }];
    expect(read(mail)).toThrow(/channels\.0 \("mail"\) is an email channel: set HEALTHDECK_SMTP_URL/);
    expect(read(mail, { HEALTHDECK_SMTP_URL: "smtp://mail.example.com:587" })).toThrow(/set HEALTHDECK_SMTP_FROM/);
  });

  it("refuses a malformed SMTP setting without echoing it", () => {
    expect(() => parseConfig({ HEALTHDECK_SMTP_URL: "https://user:hunter2@mail.example.com" })).toThrow(/HEALTHDECK_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseConfig({ HEALTHDECK_SMTP_URL: "https://user:hunter2@mail.example.com" })).not.toThrow(/hunter2/);
    expect(() => parseConfig({ HEALTHDECK_SMTP_FROM: "not an address" })).toThrow(/HEALTHDECK_SMTP_FROM must be an address/);
  });
});
