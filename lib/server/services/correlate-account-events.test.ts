import { describe, expect, it } from "vitest";
import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { correlateAccountEvents, toServiceKey } from "@/lib/server/services/correlate-account-events";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";

const PUBLIC_ARN = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_ABC";

function accountEvent(overrides: Partial<AccountEvent>): AccountEvent {
  return {
    id: "id-1", arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/OTHER", accountId: "123456789012",
    service: "EC2", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", region: "us-east-1", availabilityZone: null,
    status: "open", scope: "ACCOUNT_SPECIFIC", startTime: "2026-11-27T10:00:00.000Z", endTime: null, lastUpdatedTime: null,
    description: "", entityCounts: { total: 3, byStatus: { IMPAIRED: 3 } }, actionability: null, personas: [], metadata: {},
    origins: ["api"], isSecurity: false, ...overrides,
  };
}

const publicEvent = (overrides: Partial<StoredPublicEvent> = {}): StoredPublicEvent => ({
  id: "p", arn: PUBLIC_ARN, key: "ec2-us-east-1", service: "ec2", region: "us-east-1", status: "degraded", summary: "",
  resolved: false, startedAt: Date.parse("2026-11-27T09:50:00Z") / 1000, endedAt: null, lastUpdateAt: 0, impacted: [], updates: [],
  ...overrides,
});

describe("correlateAccountEvents", () => {
  it("maps Health API services to dashboard keys", () => {
    expect(toServiceKey({ service: "EC2", region: "us-east-1" })).toBe("ec2-us-east-1");
    expect(toServiceKey({ service: "CLOUDFRONT", region: "global" })).toBe("cloudfront");
    expect(toServiceKey({ service: "ELASTICLOADBALANCING", region: "eu-west-1" })).toBe("elb-eu-west-1");
  });

  it("marks cells and tells a public event which of your resources it touches", async () => {
    const sameArn = accountEvent({ id: "a", arn: PUBLIC_ARN, category: "issue", scope: "PUBLIC", entityCounts: { total: 0, byStatus: {} } });
    const sameKey = accountEvent({ id: "b" });
    const scheduled = accountEvent({ id: "c", category: "scheduledChange" });
    const elsewhere = accountEvent({ id: "d", region: "eu-west-1" });
    const correlation = correlateAccountEvents([sameArn, sameKey, scheduled, elsewhere], async (id, limit) =>
      id === "b" ? ["i-1", "i-2", "i-3"].slice(0, limit) : [],
    );
    expect(correlation.markFor("ec2-us-east-1")).toEqual({ openEvents: 3, affectedResources: 6 });
    expect(correlation.markFor("s3-us-east-1")).toBeNull();
    const longAgo = publicEvent({ arn: null, startedAt: Date.parse("2026-11-20T00:00:00Z") / 1000, endedAt: Date.parse("2026-11-20T05:00:00Z") / 1000 });
    await correlation.loadSamples([publicEvent(), publicEvent({ arn: null, key: "rds-us-east-1" }), longAgo]);
    const impact = correlation.impactOf(publicEvent());
    expect(impact?.events.map((event) => event.id).sort()).toEqual(["a", "b"]);
    expect(impact?.sampleResources).toEqual(["i-1", "i-2", "i-3"]);
    expect(correlation.impactOf(publicEvent({ arn: null, key: "rds-us-east-1" }))).toBeNull();
    expect(correlation.impactOf(longAgo)).toBeNull();
  });
});
