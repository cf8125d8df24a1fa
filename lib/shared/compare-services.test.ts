import { describe, expect, it } from "vitest";
import { compareServices, compareText } from "@/lib/shared/compare-services";
import type { ServiceStatus } from "@/lib/shared/public-status-contract";

const service = (name: string, region: string | null, status: ServiceStatus["status"] = "operational"): ServiceStatus => ({
  key: `${name}-${region ?? "global"}`,
  service: name.toLowerCase(),
  region,
  name,
  status,
  since: null,
  account: null,
});

describe("compareText", () => {
  it("orders as people read, whatever the case", () => {
    expect(["AWS Lambda", "Amazon EC2", "amazon athena", "Amazon Athena"].sort(compareText)).toEqual(["Amazon Athena", "amazon athena", "Amazon EC2", "AWS Lambda"]);
  });
  it("matches localeCompare for region codes", () => {
    const regions = ["us-east-1", "eu-west-2", "eu-west-10", "ap-south-1", "us-gov-west-1", "eu-central-1"];
    expect([...regions].sort(compareText)).toEqual([...regions].sort((a, b) => a.localeCompare(b)));
  });
});

describe("compareServices", () => {
  it("puts the worst status first, then name, then region, with global (null) before any region", () => {
    const sorted = [service("Amazon S3", "us-east-1"), service("AWS Lambda", "eu-west-1", "disrupted"), service("Amazon S3", null), service("Amazon EC2", "us-east-1", "degraded")].sort(compareServices);
    expect(sorted.map((entry) => `${entry.name}/${entry.region ?? "global"}`)).toEqual(["AWS Lambda/eu-west-1", "Amazon EC2/us-east-1", "Amazon S3/global", "Amazon S3/us-east-1"]);
  });
});
