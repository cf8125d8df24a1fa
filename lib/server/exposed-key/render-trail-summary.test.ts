import { describe, expect, it } from "vitest";
import { renderTrailSummary } from "@/lib/server/exposed-key/render-trail-summary";
import { groupTrailCalls } from "@/lib/server/sources/exposed-key/group-trail-events";

const call = { eventSource: "ec2.amazonaws.com", eventName: "DescribeInstances", userAgent: "boto3", at: 1, errorCode: null };

describe("renderTrailSummary", () => {
  it("names the top actions, addresses and regions, what was not read, and the coverage limit", () => {
    const text = renderTrailSummary({
      maskedKeyId: "****MPLE",
      userName: "ci-deploy",
      keyState: { status: "Active", userName: "ci-deploy", lastUsed: null, quarantinePolicies: ["AWSCompromisedKeyQuarantineV3"], quarantineKnown: true, checkedAt: 0, problems: [] },
      trail: {
        windowStart: 0,
        windowEnd: 1,
        hours: 24,
        totalEvents: 3,
        cappedAt: null,
        finishedAt: 1,
        regions: [
          { region: "us-west-2", status: "complete", pages: 1, events: 2, problem: null },
          { region: "eu-west-1", status: "failed", pages: 0, events: 0, problem: { kind: "timeout", reason: "…" } },
        ],
        groups: groupTrailCalls([
          { ...call, region: "us-west-2", sourceIp: "198.51.100.23" },
          { ...call, region: "us-west-2", sourceIp: "198.51.100.23" },
          { ...call, region: "us-east-1", sourceIp: "203.0.113.45", eventName: "RunInstances", errorCode: "AccessDenied" },
        ]),
      },
    });
    expect(text).toContain("Exposed key ****MPLE of user ci-deploy: CloudTrail look-up over the last 24 h in us-west-2 found 3 calls (1 failed). Key is Active; AWS quarantine policy attached (AWSCompromisedKeyQuarantineV3).");
    expect(text).toContain("Top actions: ec2:DescribeInstances (2), ec2:RunInstances (1).");
    expect(text).toContain("Source IPs: 198.51.100.23 (2), 203.0.113.45 (1).");
    expect(text).toContain("Regions: us-west-2 (2), us-east-1 (1).");
    expect(text).toContain("Not read: eu-west-1 (timeout).");
    expect(text).toContain("an empty result does not prove the key was not abused");
  });
});
