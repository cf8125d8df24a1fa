import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { notifyConfigSchema } from "@/lib/server/outputs/config/notify-config-schema";
import { labelAccount, resolveRuleAccounts } from "@/lib/server/outputs/rules/account-names";

const config = (accounts: string[]) => notifyConfigSchema.parse({ channels: [{ id: "ops", type: "slack", url: "https://hooks.slack.com/services/T/B/x" }], rules: [{ channels: ["ops"], accounts }] });

describe("account names", () => {
  it("come from HEALTHDECK_ACCOUNT_NAMES, checked", () => {
    expect(parseConfig({ HEALTHDECK_ACCOUNT_NAMES: "123456789012=Prod, 210987654321 = Staging EU" }).HEALTHDECK_ACCOUNT_NAMES).toEqual({ "123456789012": "Prod", "210987654321": "Staging EU" });
    expect(parseConfig({}).HEALTHDECK_ACCOUNT_NAMES).toEqual({});
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_NAMES: "12345=Prod" })).toThrow(/HEALTHDECK_ACCOUNT_NAMES: "12345=Prod" must be <12-digit account id>=<name>/);
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_NAMES: "123456789012=Prod,210987654321=prod" })).toThrow(/listed twice/);
  });

  it("show beside the id", () => {
    expect(labelAccount("123456789012", { "123456789012": "Prod" })).toBe("Prod (123456789012)");
    expect(labelAccount("210987654321", { "123456789012": "Prod" })).toBe("210987654321");
  });

  it("may stand for ids in rules; a name nobody has stops start-up", () => {
    const names = { "123456789012": "Prod" };
    expect(resolveRuleAccounts(config(["prod", "210987654321"]), names, "notify.yaml").rules[0]?.accounts).toEqual(["123456789012", "210987654321"]);
    expect(() => resolveRuleAccounts(config(["Staging"]), names, "notify.yaml")).toThrow(
      'HEALTHDECK_NOTIFY_CONFIG: notify.yaml: rules.0.accounts.0: "Staging" is neither a 12-digit account id nor a name in HEALTHDECK_ACCOUNT_NAMES',
    );
  });
});
