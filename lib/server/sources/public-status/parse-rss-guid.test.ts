import { describe, expect, it } from "vitest";
import { parseRssGuid } from "@/lib/server/sources/public-status/parse-rss-guid";

describe("parseRssGuid", () => {
  it.each([
    ["https://status.aws.amazon.com/#directconnect-eu-central-1_1787025679", "directconnect-eu-central-1", 1787025679],
    ["http://status.aws.amazon.com/#ses-us-east-1_1446843615", "ses-us-east-1", 1446843615],
    ["https://status.aws.amazon.com/#multipleservices-me-central-1_1772369485", "multipleservices-me-central-1", 1772369485],
    ["https://status.aws.amazon.com/#route53_1499437860", "route53", 1499437860],
    ["https://status.aws.amazon.com/#dynamodb-dax-ap-northeast-1_1500000000", "dynamodb-dax-ap-northeast-1", 1500000000],
    ["https://health.aws.amazon.com/health/status#s3-us-standard_1488319860", "s3-us-standard", 1488319860],
    ["#EC2-US-EAST-1_1500000000", "ec2-us-east-1", 1500000000],
    ["ec2-us-east-1_1500000000", "ec2-us-east-1", 1500000000],
    [" https://status.aws.amazon.com/#ec2-us-east-1_1500000000000 ", "ec2-us-east-1", 1500000000],
  ])("%s → %s @ %d", (guid, key, at) => {
    expect(parseRssGuid(guid)).toEqual({ key, at });
  });

  it("returns the key alone when the fragment has no epoch", () => {
    expect(parseRssGuid("https://status.aws.amazon.com/#ec2-us-east-1")).toEqual({ key: "ec2-us-east-1", at: null });
  });

  it("rejects guids without a usable fragment, whatever the URL prefix", () => {
    expect(parseRssGuid("")).toBeNull();
    expect(parseRssGuid("https://status.aws.amazon.com/")).toBeNull();
    expect(parseRssGuid("https://status.aws.amazon.com/#")).toBeNull();
    expect(parseRssGuid("https://example.com/item/42")).toBeNull();
    expect(parseRssGuid("https://status.aws.amazon.com/#not a key_123")).toBeNull();
  });
});
