import { describe, expect, it } from "vitest";
import { createRegionPacer } from "@/lib/server/sources/exposed-key/create-region-pacer";
import { groupTrailCalls, summariseTrail, type TrailCall } from "@/lib/server/sources/exposed-key/group-trail-events";
import { readTrailCall } from "@/lib/server/sources/exposed-key/lookup-key-trail";

const call = (patch: Partial<TrailCall>): TrailCall => ({ region: "us-east-1", eventSource: "s3.amazonaws.com", eventName: "ListBuckets", sourceIp: "203.0.113.45", userAgent: "aws-cli", at: 1_000, errorCode: null, ...patch });

describe("grouping CloudTrail calls", () => {
  it("groups by region, source, name, address and agent, with count, first and last time, and errors", () => {
    const groups = groupTrailCalls([
      call({ at: 3_000 }),
      call({ at: 1_000 }),
      call({ at: 2_000, errorCode: "AccessDenied" }),
      call({ region: "us-west-2", eventSource: "ec2.amazonaws.com", eventName: "RunInstances", sourceIp: "198.51.100.23", errorCode: "Client.UnauthorizedOperation" }),
      call({ userAgent: "Boto3" }),
    ]);
    expect(groups).toHaveLength(3);
    expect(groups[0]).toEqual({ region: "us-east-1", eventSource: "s3.amazonaws.com", eventName: "ListBuckets", sourceIp: "203.0.113.45", userAgent: "aws-cli", count: 3, firstAt: 1_000, lastAt: 3_000, errorCount: 1, errorCodes: { AccessDenied: 1 } });
    expect(groups.find((group) => group.eventName === "RunInstances")).toMatchObject({ count: 1, errorCount: 1 });
  });

  it("summarises top actions, addresses and regions for the notification", () => {
    const summary = summariseTrail(groupTrailCalls([call({}), call({}), call({ region: "us-west-2", sourceIp: "198.51.100.23", eventName: "DescribeInstances", eventSource: "ec2.amazonaws.com", errorCode: "AccessDenied" })]));
    expect(summary).toEqual({
      actions: [{ name: "s3:ListBuckets", count: 2 }, { name: "ec2:DescribeInstances", count: 1 }],
      sourceIps: [{ name: "203.0.113.45", count: 2 }, { name: "198.51.100.23", count: 1 }],
      regions: [{ name: "us-east-1", count: 2 }, { name: "us-west-2", count: 1 }],
      errors: 1,
      calls: 3,
    });
  });

  it("reads a LookupEvents event's CloudTrailEvent string, and survives an unreadable one", () => {
    const detail = JSON.stringify({ sourceIPAddress: "192.0.2.1", userAgent: "aws-cli/2", errorCode: "AccessDenied", eventSource: "iam.amazonaws.com", eventName: "ListUsers" });
    expect(readTrailCall({ CloudTrailEvent: detail, EventTime: new Date(5_000) }, "eu-west-1")).toEqual({ region: "eu-west-1", eventSource: "iam.amazonaws.com", eventName: "ListUsers", sourceIp: "192.0.2.1", userAgent: "aws-cli/2", at: 5_000, errorCode: "AccessDenied" });
    expect(readTrailCall({ CloudTrailEvent: "{not json", EventName: "GetObject", EventSource: "s3.amazonaws.com" }, "eu-west-1")).toMatchObject({ eventName: "GetObject", sourceIp: "unknown" });
  });
});

describe("the per-region pacer", () => {
  it("spaces calls of one region by the interval and lets other regions go at once", async () => {
    let clock = 0;
    const waits: number[] = [];
    const pacer = createRegionPacer({ ratePerSecond: 2, now: () => clock, sleep: async (ms) => void waits.push(ms) });
    await pacer.wait("a");
    await pacer.wait("a");
    await pacer.wait("a");
    await pacer.wait("b");
    expect(waits).toEqual([500, 1_000]);
    clock = 5_000;
    await pacer.wait("a");
    expect(waits).toEqual([500, 1_000]);
  });
});
