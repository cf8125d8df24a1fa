import { describe, expect, it } from "vitest";
import { buildAccountEventsApiKey, buildAccountLogHref, EMPTY_ACCOUNT_QUERY, EMPTY_LOG_STATE, isFilteredLogState, parseAccountLogUrl, serializeAccountLogState } from "@/lib/client/account/account-log-url";

describe("parseAccountLogUrl", () => {
  it("reads repeated params from a GET form and comma lists alike", () => {
    const fromForm = parseAccountLogUrl({ category: ["issue", "scheduledChange"], status: "open", region: ["global", "us-east-1"], q: " retire ", sort: "start-asc" });
    const fromLink = parseAccountLogUrl(new URLSearchParams("category=issue,scheduledChange&status=open&region=global,us-east-1&q=retire&sort=start-asc"));
    expect(fromForm).toEqual(fromLink);
    expect(fromLink.state).toMatchObject({ categories: ["issue", "scheduledChange"], regions: ["global", "us-east-1"], q: "retire", sort: "start-asc" });
    expect(fromLink.error).toBeNull();
  });

  it("makes a bare `to` date cover the whole day and keeps the dates as typed", () => {
    const url = parseAccountLogUrl({ from: "2026-11-01", to: "2026-11-27" });
    expect(url.query.from).toBe("2026-11-01T00:00:00.000Z");
    expect(url.query.to).toBe("2026-11-27T23:59:59.999Z");
    expect(url.state.from).toBe("2026-11-01");
    expect(url.state.to).toBe("2026-11-27");
    expect(parseAccountLogUrl({ to: "2026-11-27T10:00:00Z" }).query.to).toBe("2026-11-27T10:00:00.000Z");
  });

  it("reports an invalid filter and falls back to everything, keeping the sort", () => {
    const url = parseAccountLogUrl({ account: "12345", sort: "updated-asc" });
    expect(url.error).toMatch(/account must be a 12-digit AWS account id/);
    expect(url.state).toEqual({ ...EMPTY_LOG_STATE, sort: "updated-asc" });
    expect(parseAccountLogUrl({ sort: "sideways" }).state.sort).toBe("updated-desc");
  });
});

describe("serializeAccountLogState", () => {
  it("round-trips with readable commas and leaves defaults out", () => {
    const state = { ...EMPTY_LOG_STATE, categories: ["issue"], statuses: ["open", "upcoming"], accounts: ["111122223333"], types: ["AWS_EC2_OPERATIONAL_ISSUE"], from: "2026-11-01", q: "api errors" };
    const search = serializeAccountLogState(state);
    expect(search).toBe("category=issue&status=open,upcoming&account=111122223333&type=AWS_EC2_OPERATIONAL_ISSUE&from=2026-11-01&q=api+errors");
    expect(parseAccountLogUrl(new URLSearchParams(search)).state).toEqual(state);
    expect(buildAccountLogHref(EMPTY_LOG_STATE)).toBe("/account/events");
    expect(isFilteredLogState({ ...EMPTY_LOG_STATE, sort: "start-asc" })).toBe(false);
    expect(isFilteredLogState(state)).toBe(true);
  });
});

describe("buildAccountEventsApiKey", () => {
  it("sends the whole-day range as instants, and nothing for no filter", () => {
    expect(buildAccountEventsApiKey(EMPTY_ACCOUNT_QUERY)).toBe("/api/v1/account/events");
    const { query } = parseAccountLogUrl({ status: "open", to: "2026-11-27", q: "ec2" });
    expect(buildAccountEventsApiKey(query)).toBe("/api/v1/account/events?status=open&to=2026-11-27T23:59:59.999Z&q=ec2");
  });
});
