import { describe, expect, it } from "vitest";
import { describeChannelTarget, describeRule } from "@/lib/server/outputs/rules/describe-rule";

describe("rules and channels in words", () => {
  it("says what a rule sends where", () => {
    expect(
      describeRule({ channels: ["ops", "hook"], sources: ["public", "account"], categories: ["issue"], services: ["ec2"], regions: ["eu-west-1", "us-east-1"], eventTypeCodes: { exclude: ["AWS_VPN_*"] }, kinds: ["opened", "resolved"] }),
    ).toBe("Public AWS events or your accounts' events that are issues of ec2 in eu-west-1 or us-east-1 except event types like AWS_VPN_*: opened or resolved → ops, hook");
    expect(describeRule({ channels: ["hook"] })).toBe("All events: every kind of message → hook");
  });

  it("shows a channel's host, never its path, token or secret", () => {
    const slack = describeChannelTarget({ id: "ops", type: "slack", url: "https://hooks.slack.com/services/T000/B000/SECRETTOKEN", security: false });
    expect(slack).toBe("hooks.slack.com");
    expect(describeChannelTarget({ id: "hook", type: "webhook", url: "https://user:pw@receiver.example:8443/in?token=x", secret: ["whsec_x"], security: false })).toBe("receiver.example:8443");
    expect(describeChannelTarget({ id: "mail", type: "email", to: ["a@example.com", "b@example.com"], security: false })).toBe("2 e-mail addresses");
  });
});
