import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { listAccountHealthWarnings, readAccountHealthSettings } from "@/lib/server/sources/account-health/account-health-settings";

describe("account-health settings", () => {
  it("defaults to auto, 60 s polls, 15 min sweeps and 90 days of lookback", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      HEALTHDECK_ACCOUNT_HEALTH: "auto",
      HEALTHDECK_ACCOUNT_POLL_SECONDS: 60,
      HEALTHDECK_ACCOUNT_SWEEP_SECONDS: 900,
      HEALTHDECK_ACCOUNT_LOOKBACK_DAYS: 90,
      HEALTHDECK_ORG_VIEW: "auto",
      HEALTHDECK_ASSUME_ROLES: [],
    });
    expect(readAccountHealthSettings(config, {})).toMatchObject({ mode: "auto", pollMs: 60_000, sweepMs: 900_000, lookbackMs: 90 * 86_400_000, endpointOverride: null, stsEndpoint: null });
    expect(listAccountHealthWarnings(config)).toEqual([]);
  });

  it("parses modes case-insensitively, keeps role ARNs' case, drops duplicates and reads the SDK's endpoint variables", () => {
    const config = parseConfig({
      HEALTHDECK_ACCOUNT_HEALTH: "ON",
      HEALTHDECK_ORG_VIEW: "off",
      HEALTHDECK_ASSUME_ROLES: " arn:aws:iam::111111111111:role/HealthReader, arn:aws:iam::222222222222:role/path/Reader ,arn:aws:iam::111111111111:role/HealthReader",
      HEALTHDECK_ACCOUNT_POLL_SECONDS: "5",
    });
    expect(config.HEALTHDECK_ASSUME_ROLES).toEqual(["arn:aws:iam::111111111111:role/HealthReader", "arn:aws:iam::222222222222:role/path/Reader"]);
    const settings = readAccountHealthSettings(config, { AWS_ENDPOINT_URL_HEALTH: " http://127.0.0.1:4011 ", AWS_ENDPOINT_URL_STS: "http://127.0.0.1:4012" });
    expect(settings).toMatchObject({ mode: "on", orgView: "off", pollMs: 5_000, endpointOverride: "http://127.0.0.1:4011", stsEndpoint: "http://127.0.0.1:4012" });
    expect(listAccountHealthWarnings(config)).toEqual([expect.stringContaining("HEALTHDECK_ACCOUNT_POLL_SECONDS=5 is below 60 s")]);
  });

  it("rejects bad values with a message naming the setting", () => {
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_HEALTH: "maybe" })).toThrow(/HEALTHDECK_ACCOUNT_HEALTH must be auto, on or off/);
    expect(() => parseConfig({ HEALTHDECK_ORG_VIEW: "yes" })).toThrow(/HEALTHDECK_ORG_VIEW/);
    expect(() => parseConfig({ HEALTHDECK_ASSUME_ROLES: "arn:aws:iam::123:role/Short" })).toThrow(/HEALTHDECK_ASSUME_ROLES/);
    expect(() => parseConfig({ HEALTHDECK_ASSUME_ROLES: "arn:aws:iam::111111111111:user/Bob" })).toThrow(/HEALTHDECK_ASSUME_ROLES/);
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_POLL_SECONDS: "0" })).toThrow(/HEALTHDECK_ACCOUNT_POLL_SECONDS/);
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_LOOKBACK_DAYS: "400" })).toThrow(/HEALTHDECK_ACCOUNT_LOOKBACK_DAYS/);
  });
});
