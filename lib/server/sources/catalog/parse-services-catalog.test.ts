import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_PATH } from "@/lib/server/sources/catalog/generate-services-snapshot";
import { MIN_CATALOG_ENTRIES, parseServicesCatalog } from "@/lib/server/sources/catalog/parse-services-catalog";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";

const snapshotText = readFileSync(SNAPSHOT_PATH, "utf8");

function utf16be(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xfe, 0xff]);
  for (let index = 0; index < text.length; index += 1) {
    bytes[2 + index * 2] = text.charCodeAt(index) >> 8;
    bytes[3 + index * 2] = text.charCodeAt(index) & 0xff;
  }
  return bytes;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const filler = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ service: `svc${index}-us-east-1`, service_name: `Service ${index}`, region_id: "us-east-1", region_name: "N. Virginia" }));

describe("parseServicesCatalog", () => {
  it("parses the bundled snapshot in UTF-8, UTF-8 with BOM and UTF-16BE with BOM alike", () => {
    const plain = parseServicesCatalog(new TextEncoder().encode(snapshotText));
    expect(plain.length).toBe(JSON.parse(snapshotText).length);
    expect(parseServicesCatalog(new TextEncoder().encode(`\ufeff${snapshotText}`))).toEqual(plain);
    expect(parseServicesCatalog(utf16be(snapshotText))).toEqual(plain);
    expect(plain.find((entry) => entry.key === "dynamodb-me-central-1")).toEqual({
      key: "dynamodb-me-central-1",
      service: "dynamodb",
      region: "me-central-1",
      name: "Amazon DynamoDB",
      regionName: "UAE",
    });
    expect(plain.find((entry) => entry.key === "route53")).toEqual({ key: "route53", service: "route53", region: null, name: "Amazon Route 53", regionName: "Global" });
    expect(plain.find((entry) => entry.key === "acm-pca-us-gov-west-1")).toMatchObject({ service: "acm-pca", region: "us-gov-west-1" });
  });

  it("normalises both shapes of `service`: full key or bare slug next to region_id", () => {
    const entries = parseServicesCatalog(
      json([
        ...filler(10),
        { service: "ec2", service_name: "Amazon Elastic Compute Cloud", region_id: "eu-west-1", region_name: "Ireland" },
        { service: "ec2-us-east-1", service_name: "Amazon Elastic Compute Cloud", region_id: "us-east-1", region_name: "N. Virginia" },
        { service: "dynamodb-dax-eu-west-1", service_name: "Amazon DynamoDB Accelerator" },
        { service: "cloudfront", service_name: "Amazon CloudFront", region_id: "global", region_name: "Global" },
        { service: "IAM", service_name: "AWS Identity and Access Management", region_id: null },
      ]),
    );
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get("ec2-eu-west-1")).toMatchObject({ service: "ec2", region: "eu-west-1", regionName: "Ireland" });
    expect(byKey.get("ec2-us-east-1")).toMatchObject({ service: "ec2", region: "us-east-1" });
    expect(byKey.get("dynamodb-dax-eu-west-1")).toMatchObject({ service: "dynamodb-dax", region: "eu-west-1", regionName: null });
    expect(byKey.get("cloudfront")).toMatchObject({ service: "cloudfront", region: null });
    expect(byKey.get("iam")).toMatchObject({ service: "iam", region: null, name: "AWS Identity and Access Management" });
  });

  it("drops malformed entries and keeps the first of duplicate keys", () => {
    const entries = parseServicesCatalog(
      json([...filler(10), { service: "" }, { service_name: "no key" }, { service: "has space" }, 42, null, { ...filler(1)[0], service_name: "Duplicate" }]),
    );
    expect(entries).toHaveLength(10);
    expect(entries[0]?.name).toBe("Service 0");
  });

  it("refuses an empty or tiny catalogue so it never replaces a good one", () => {
    expect(() => parseServicesCatalog(json([]))).toThrow(PublicStatusParseError);
    expect(() => parseServicesCatalog(json(filler(MIN_CATALOG_ENTRIES - 1)))).toThrow(/9 usable entries of 9/);
    expect(parseServicesCatalog(json(filler(MIN_CATALOG_ENTRIES)))).toHaveLength(MIN_CATALOG_ENTRIES);
    expect(() => parseServicesCatalog(json([...filler(5), ...Array.from({ length: 20 }, () => ({ bogus: true }))]))).toThrow(/5 usable entries of 25/);
  });

  it("refuses non-arrays, invalid JSON and undecodable bytes", () => {
    expect(() => parseServicesCatalog(json({ services: filler(20) }))).toThrow("catalog: services.json is not an array");
    expect(() => parseServicesCatalog(new TextEncoder().encode(snapshotText.slice(0, 1000)))).toThrow(/invalid JSON/);
    expect(() => parseServicesCatalog(Uint8Array.from([0x5b, 0xff, 0x5d]))).toThrow(PublicStatusParseError);
  });
});
