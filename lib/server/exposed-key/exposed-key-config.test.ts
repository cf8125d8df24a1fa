import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";

describe("exposed-key settings", () => {
  it("default to an automatic look-up and no action", () => {
    const config = parseConfig({});
    expect(config.HEALTHDECK_EXPOSED_KEY_LOOKUP).toBe("auto");
    expect(config.HEALTHDECK_EXPOSED_KEY_ACTIONS).toBe("none");
    expect(config.HEALTHDECK_RESPONDER_ROLE).toBeUndefined();
  });

  it("take role templates with {account} and refuse what is not a role", () => {
    const config = parseConfig({ HEALTHDECK_RESPONDER_ROLE: "arn:aws:iam::{account}:role/HealthdeckResponder", HEALTHDECK_RESPONDER_ACTION_ROLE: "arn:aws:iam::123456789012:role/Act", HEALTHDECK_EXPOSED_KEY_ACTIONS: "Deactivate" });
    expect(config.HEALTHDECK_RESPONDER_ROLE).toBe("arn:aws:iam::{account}:role/HealthdeckResponder");
    expect(config.HEALTHDECK_EXPOSED_KEY_ACTIONS).toBe("deactivate");
    expect(() => parseConfig({ HEALTHDECK_RESPONDER_ROLE: "HealthdeckResponder" })).toThrow(/HEALTHDECK_RESPONDER_ROLE must be an IAM role ARN/);
    expect(() => parseConfig({ HEALTHDECK_EXPOSED_KEY_ACTIONS: "delete" })).toThrow(/HEALTHDECK_EXPOSED_KEY_ACTIONS must be none or deactivate/);
    expect(() => parseConfig({ HEALTHDECK_EXPOSED_KEY_LOOKUP: "always" })).toThrow(/HEALTHDECK_EXPOSED_KEY_LOOKUP must be auto, manual or off/);
  });
});
