import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadNotifyConfig, NotifyConfigError, parseNotifyConfig } from "@/lib/server/outputs/config/load-notify-config";

const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
const ENV = { SLACK_OPS: "https://hooks.slack.test/services/T/B/x", HOOK_SECRET: SECRET, OLD_SECRET: `whsec_${Buffer.alloc(24, 1).toString("base64")}` };
const dir = mkdtempSync(path.join(tmpdir(), "notify-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YAML_FILE = `channels:
  - id: ops
    type: slack
    url: \${SLACK_OPS}
    security: true
  - id: hook
    type: webhook
    url: https://receiver.example/hooks
    secret: ["\${HOOK_SECRET}", "\${OLD_SECRET}"]
rules:
  - channels: [ops]
    sources: [public, account]
    categories: [issue]
    services: [ec2]
    regions: [eu-west-1]
    accounts: ["123456789012"]
    eventTypeCodes: { include: [AWS_EC2_*], exclude: [AWS_VPN_*] }
    kinds: [opened, updated, resolved, reminder]
    reminders: [7d, 1d, 1h]
  - channels: [hook]
`;

const errorOf = (text: string, env: Record<string, string> = ENV) => {
  try {
    parseNotifyConfig(text, "/etc/healthdeck/notify.yaml", env);
  } catch (error) {
    expect(error).toBeInstanceOf(NotifyConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the file to be refused");
};

describe("the notifications file", () => {
  it("reads the issue's YAML shape, with secrets from the environment", () => {
    const file = path.join(dir, "notify.yaml");
    writeFileSync(file, YAML_FILE);
    const config = loadNotifyConfig(file, ENV);
    expect(config.channels.map((channel) => [channel.id, channel.type, channel.security])).toEqual([
      ["ops", "slack", true],
      ["hook", "webhook", false],
    ]);
    expect(config.channels[0]?.url).toBe(ENV.SLACK_OPS);
    expect(config.channels[1]?.secret).toEqual([ENV.HOOK_SECRET, ENV.OLD_SECRET]);
    expect(config.rules[0]?.eventTypeCodes).toEqual({ include: ["AWS_EC2_*"], exclude: ["AWS_VPN_*"] });
    expect(config.rules[1]).toEqual({ channels: ["hook"] });
  });

  it("reads the same shape as JSON", () => {
    const json = JSON.stringify({
      channels: [{ id: "ops", type: "webhook", url: "http://127.0.0.1:9/x", secret: "${HOOK_SECRET}" }],
      rules: [{ channels: ["ops"], kinds: ["opened"] }],
    }, null, 2);
    const file = path.join(dir, "notify.json");
    writeFileSync(file, json);
    expect(loadNotifyConfig(file, ENV).channels[0]?.secret).toEqual([SECRET]);
  });

  it("names the path and line of the problem", () => {
    expect(errorOf(YAML_FILE.replace("type: slack", "type: pager"))).toMatch(/^HEALTHDECK_NOTIFY_CONFIG: \/etc\/healthdeck\/notify\.yaml:3: channels\.0\.type: must be one of slack/);
    expect(errorOf(YAML_FILE.replace("regions: [eu-west-1]", "regions: [EU West]"))).toContain("notify.yaml:15: rules.0.regions.0: must be a region code");
    expect(errorOf(YAML_FILE.replace("    kinds:", "    kinds: [opened]\n    colour: red\n    kindz:"))).toContain("notify.yaml:19: rules.0.colour: is not a known field");
    expect(errorOf(YAML_FILE.replace("channels: [hook]", "channels: [pager]"))).toContain("notify.yaml:20: rules.1.channels.0: no channel has the id \"pager\"");
    expect(errorOf(YAML_FILE.replace("    url: https://receiver.example/hooks\n", ""))).toContain("notify.yaml:6: channels.1.url: a webhook channel needs url");
    expect(errorOf("channels:\n  - id: [unclosed\n")).toMatch(/notify\.yaml:\d+: /);
  });

  it("reads a channel's storm setting: absent (the default applies), false, or messages within minutes", () => {
    const config = parseNotifyConfig(YAML_FILE.replace("    security: true\n", "    security: true\n    storm: { messages: 20, minutes: 2 }\n").replace("secret: [", "storm: false\n    secret: ["), "/x.yaml", ENV);
    expect(config.channels.map((channel) => channel.storm)).toEqual([{ messages: 20, minutes: 2 }, false]);
    expect(parseNotifyConfig(YAML_FILE, "/x.yaml", ENV).channels[0]?.storm).toBeUndefined();
    expect(errorOf(YAML_FILE.replace("    security: true\n", "    security: true\n    storm: { messages: 0, minutes: 5 }\n"))).toContain("notify.yaml:6: channels.0.storm.messages: must be at least 1");
    expect(errorOf(YAML_FILE.replace("    security: true\n", "    security: true\n    storm: { messages: 5 }\n"))).toContain("channels.0.storm");
  });

  it("refuses an unset secret reference and a secret that is not whsec_, without printing values", () => {
    const withoutSecret: Record<string, string> = { ...ENV };
    delete withoutSecret.HOOK_SECRET;
    expect(errorOf(YAML_FILE, withoutSecret)).toContain("notify.yaml:9: the environment variable HOOK_SECRET is not set");
    const message = errorOf(YAML_FILE, { ...ENV, HOOK_SECRET: "hunter2-hunter2" });
    expect(message).toContain("notify.yaml:9: channels.1.secret.0: must be a Standard Webhooks secret");
    expect(message).not.toContain("hunter2");
  });

  it("reads statuses and minSeverity, and says what a wrong value should be", () => {
    const withFilters = YAML_FILE.replace("    kinds:", "    statuses: [open, upcoming]\n    minSeverity: scheduledChange\n    kinds:");
    expect(parseNotifyConfig(withFilters, "notify.yaml", ENV).rules[0]).toMatchObject({ statuses: ["open", "upcoming"], minSeverity: "scheduledChange" });
    expect(errorOf(withFilters.replace("minSeverity: scheduledChange", "minSeverity: severe"))).toContain(
      "notify.yaml:19: rules.0.minSeverity: must be one of informational, accountNotification, degraded, scheduledChange, disrupted, issue",
    );
    expect(errorOf(withFilters.replace("statuses: [open, upcoming]", "statuses: []"))).toContain("notify.yaml:18: rules.0.statuses: must list at least one value");
    expect(errorOf(YAML_FILE.replace("reminders: [7d, 1d, 1h]", "reminders: [1w]"))).toContain("rules.0.reminders.0: must be an offset such as 7d, 1d or 1h");
  });

  it("refuses a file that cannot be read", () => {
    expect(() => loadNotifyConfig(path.join(dir, "missing.yaml"), ENV)).toThrow(/cannot read .*missing\.yaml/);
  });
});
