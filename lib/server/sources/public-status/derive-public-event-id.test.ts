import { describe, expect, it } from "vitest";
import { deriveArnEventId, deriveRssEventId } from "@/lib/server/sources/public-status/derive-public-event-id";

describe("deriveArnEventId", () => {
  it("uses the last ARN path segment, lowercased", () => {
    expect(
      deriveArnEventId(
        "arn:aws:health:me-central-1::event/MULTIPLE_SERVICES/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE_5E6B8_EF2498889B5",
      ),
    ).toBe("aws_multiple_services_operational_issue_5e6b8_ef2498889b5");
  });

  it("is URL-safe and stable", () => {
    const id = deriveArnEventId("arn:aws:health:us-east-1::event/EC2/X/Weird Segment?&_AB");
    expect(id).toMatch(/^[a-z0-9_-]+$/);
    expect(id).toBe(deriveArnEventId("arn:aws:health:us-east-1::event/EC2/X/Weird Segment?&_AB"));
  });

  it("falls back to a hash when the segment could collide with an RSS id or is empty", () => {
    expect(deriveArnEventId("arn:aws:health:us-east-1::event/EC2/X/12345")).toMatch(/^arn-[0-9a-f]{8}$/);
    expect(deriveArnEventId("")).toMatch(/^arn-[0-9a-f]{8}$/);
    expect(deriveArnEventId("arn:a/1")).not.toBe(deriveArnEventId("arn:b/1"));
  });
});

describe("deriveRssEventId", () => {
  it("is key_firstEpoch", () => {
    expect(deriveRssEventId("directconnect-eu-central-1", 1786765379)).toBe("directconnect-eu-central-1_1786765379");
  });
});
