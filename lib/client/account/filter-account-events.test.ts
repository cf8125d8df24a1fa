import { describe, expect, it } from "vitest";
import { EMPTY_ACCOUNT_QUERY } from "@/lib/client/account/account-log-url";
import { countBy, filterAccountEvents, sortAccountEvents } from "@/lib/client/account/filter-account-events";
import { loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();
const codes = (list: readonly { eventTypeCode: string }[]) => list.map((event) => event.eventTypeCode);
const filter = (query: Partial<typeof EMPTY_ACCOUNT_QUERY>) => codes(filterAccountEvents(events, { ...EMPTY_ACCOUNT_QUERY, ...query }));

describe("filterAccountEvents", () => {
  it("keeps everything without a filter", () => {
    expect(filterAccountEvents(events, EMPTY_ACCOUNT_QUERY)).toHaveLength(events.length);
  });

  it("filters by category, status, region (global included), service (any case), account and type", () => {
    expect(filter({ categories: ["accountNotification"], statuses: ["open"] }).sort()).toEqual(["AWS_ABUSE_DOS_REPORT", "AWS_BILLING_NOTIFICATION", "AWS_S3_OPERATIONAL_NOTIFICATION"]);
    expect(filter({ regions: ["global"] }).sort()).toEqual(["AWS_ABUSE_DOS_REPORT", "AWS_BILLING_NOTIFICATION"]);
    expect(filter({ services: ["lambda"] })).toEqual(["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"]);
    expect(filter({ accounts: ["444455556666"], categories: ["issue"] })).toEqual(["AWS_EBS_VOLUME_ATTACHMENT_ISSUE"]);
    expect(filter({ types: ["AWS_RISK_IAM_QUARANTINE"] })).toEqual(["AWS_RISK_IAM_QUARANTINE"]);
  });

  it("keeps events whose lifetime overlaps the time range", () => {
    const ended = filter({ from: "2026-11-20T00:00:00.000Z" });
    expect(ended).not.toContain("AWS_ECS_OPERATIONAL_ISSUE");
    expect(ended).toContain("AWS_EC2_OPERATIONAL_ISSUE");
    const early = filter({ to: "2026-11-01T00:00:00.000Z" });
    expect(early).toEqual(["AWS_RISK_IAM_QUARANTINE"]);
  });

  it("searches description, code, ARN and service case-insensitively", () => {
    expect(filter({ q: "NODE.JS 18" })).toEqual(["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"]);
    expect(filter({ q: "example999" })).toEqual(["AWS_ABUSE_DOS_REPORT"]);
    expect(filter({ q: "nothing like this" })).toEqual([]);
  });
});

describe("sortAccountEvents and countBy", () => {
  it("sorts by last update or start, both ways", () => {
    const newest = sortAccountEvents(events, "updated-desc");
    expect(newest[0]?.eventTypeCode).toBe("AWS_EC2_OPERATIONAL_ISSUE");
    expect(sortAccountEvents(events, "updated-asc")[0]?.eventTypeCode).toBe("AWS_RISK_IAM_QUARANTINE");
    expect(sortAccountEvents(events, "start-desc")[0]?.eventTypeCode).toBe("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT");
    expect(sortAccountEvents(events, "start-asc")[0]?.eventTypeCode).toBe("AWS_RISK_IAM_QUARANTINE");
  });

  it("counts values, most frequent first", () => {
    expect(countBy(events, (event) => event.status)).toEqual([["open", 9], ["closed", 3], ["upcoming", 2], ["mitigating", 1]]);
    expect(countBy(events, (event) => event.accountId)).toHaveLength(3);
  });
});
