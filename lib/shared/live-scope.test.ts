import { describe, expect, it } from "vitest";
import { EMPTY_LIVE_SCOPE, hasAccountFilter, liveScopeKey, liveScopeToSearchParams, parseLiveScope } from "@/lib/shared/live-scope";

describe("parseLiveScope", () => {
  it("reads every list from the URL, normalising case where AWS has one", () => {
    const parsed = parseLiveScope(
      new URLSearchParams("region=EU-west-1,global&service=RDS&status=degraded,disrupted&account=111122223333&category=scheduledChange&mute=aws_billing_notification"),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        regions: ["eu-west-1", "global"],
        services: ["rds"],
        statuses: ["degraded", "disrupted"],
        accounts: ["111122223333"],
        categories: ["scheduledChange"],
        mutedTypes: ["AWS_BILLING_NOTIFICATION"],
      },
    });
  });

  it("reads repeated parameters and page searchParams objects alike", () => {
    expect(parseLiveScope(new URLSearchParams("region=eu-west-1&region=us-east-1"))).toMatchObject({ ok: true, value: { regions: ["eu-west-1", "us-east-1"] } });
    expect(parseLiveScope({ service: ["ec2", "ec2"], mute: "AWS_X_Y" })).toMatchObject({ ok: true, value: { services: ["ec2"], mutedTypes: ["AWS_X_Y"] } });
    expect(parseLiveScope({})).toEqual({ ok: true, value: EMPTY_LIVE_SCOPE });
  });

  it.each([
    ["account=12345", "account must be a 12-digit AWS account id"],
    ["status=green", "status"],
    ["region=eu_west_1", "region"],
    ["category=schedule-change", "category"],
    ["mute=a", "mute"],
    [`account=${Array.from({ length: 51 }, (_, i) => String(100000000000 + i)).join(",")}`, "at most 50"],
  ])("rejects %s with a message naming the parameter", (query, message) => {
    const parsed = parseLiveScope(new URLSearchParams(query));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe("liveScopeKey", () => {
  it("is equal for the same screen however its URL spells the lists", () => {
    const a = parseLiveScope(new URLSearchParams("service=rds,ec2&region=eu-west-1&mute=AWS_B,AWS_A"));
    const b = parseLiveScope(new URLSearchParams("region=eu-west-1&mute=aws_a&mute=AWS_B&service=ec2&service=rds&service=ec2"));
    if (!a.ok || !b.ok) throw new Error("both scopes are valid");
    expect(liveScopeKey(a.value)).toBe(liveScopeKey(b.value));
    expect(liveScopeKey(a.value)).toBe("region=eu-west-1&service=ec2,rds&mute=AWS_A,AWS_B");
    expect(liveScopeKey(EMPTY_LIVE_SCOPE)).toBe("");
  });

  it("round-trips through search params", () => {
    const scope = { ...EMPTY_LIVE_SCOPE, regions: ["us-east-1"], statuses: ["unknown" as const], accounts: ["111122223333"], categories: ["issue"] };
    const parsed = parseLiveScope(liveScopeToSearchParams(scope));
    expect(parsed).toEqual({ ok: true, value: { ...scope } });
    expect(parseLiveScope(new URLSearchParams(liveScopeKey(scope)))).toEqual(parsed);
  });

  it("knows when the account part is narrowed", () => {
    expect(hasAccountFilter(EMPTY_LIVE_SCOPE)).toBe(false);
    expect(hasAccountFilter({ ...EMPTY_LIVE_SCOPE, statuses: ["degraded"] })).toBe(false);
    expect(hasAccountFilter({ ...EMPTY_LIVE_SCOPE, mutedTypes: ["AWS_X"] })).toBe(true);
    expect(hasAccountFilter({ ...EMPTY_LIVE_SCOPE, regions: ["eu-west-1"] })).toBe(true);
  });
});
