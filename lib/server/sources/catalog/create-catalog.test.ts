import { describe, expect, it } from "vitest";
import { createCatalog, loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import type { CatalogEntry } from "@/lib/server/domain/public-status-records";

const entry = (key: string, service: string, region: string | null, name: string, regionName: string | null = null): CatalogEntry => ({
  key,
  service,
  region,
  name,
  regionName,
});

describe("loadBundledCatalog", () => {
  const catalog = loadBundledCatalog();

  it("loads the snapshot with its regions and labels", () => {
    expect(catalog.entries.length).toBeGreaterThan(5000);
    expect(catalog.regions.size).toBe(36);
    expect(catalog.regions.get("us-west-2")).toBe("Oregon");
    expect(catalog.regions.get("me-central-1")).toBe("UAE");
    expect(catalog.regionLabelOf("il-central-1")).toBe("Tel Aviv");
    expect(catalog.getEntry("lambda-eu-west-1")).toMatchObject({ service: "lambda", region: "eu-west-1", name: "AWS Lambda" });
    expect(loadBundledCatalog()).toBe(catalog);
  });

  it.each([
    ["ec2-us-east-1", "ec2", "us-east-1"],
    ["multipleservices-me-central-1", "multipleservices", "me-central-1"],
    ["acm-pca-us-gov-east-1", "acm-pca", "us-gov-east-1"],
    ["dynamodb-dax-ap-northeast-1", "dynamodb-dax", "ap-northeast-1"],
    ["neptune-db-ap-southeast-4", "neptune-db", "ap-southeast-4"],
    ["route53", "route53", null],
    ["aps", "aps", null],
    ["management-console", "management-console", null],
    ["s3-us-standard", "s3-us-standard", null],
    ["us-east-1", "us-east-1", null],
  ])("splits %s into %s / %s", (key, service, region) => {
    expect(catalog.splitServiceKey(key)).toEqual({ service, region });
  });

  it("names keys: catalogue name, else the given fallback, else the slug's name in another region, else the slug", () => {
    expect(catalog.nameOf("ec2-us-east-1")).toBe("Amazon Elastic Compute Cloud");
    expect(catalog.nameOf("multipleservices-me-south-1")).toBe("Multiple services");
    expect(catalog.nameOf("newsvc-us-east-1", "Amazon New Service")).toBe("Amazon New Service");
    expect(catalog.nameOf("newsvc-us-east-1", "  ")).toBe("newsvc");
    expect(catalog.nameOf("ec2-xx-newregion-1")).toBe("ec2-xx-newregion-1");
    expect(catalog.withExtraRegions(["xx-newregion-1"]).nameOf("ec2-xx-newregion-1")).toBe("Amazon Elastic Compute Cloud");
  });
});

describe("createCatalog", () => {
  const catalog = createCatalog([
    entry("ec2-us-east-1", "ec2", "us-east-1", "Amazon Elastic Compute Cloud", "N. Virginia"),
    entry("ec2-us-gov-west-1", "ec2", "us-gov-west-1", "Amazon Elastic Compute Cloud", "GovCloud (US-West)"),
    entry("route53", "route53", null, "Amazon Route 53", "Global"),
  ]);

  it("splits with known region codes only, never by a prefix pattern", () => {
    expect(catalog.splitServiceKey("sqs-us-east-1")).toEqual({ service: "sqs", region: "us-east-1" });
    expect(catalog.splitServiceKey("sqs-eu-west-1")).toEqual({ service: "sqs-eu-west-1", region: null });
    expect(catalog.splitServiceKey("lambda-us-gov-west-1")).toEqual({ service: "lambda", region: "us-gov-west-1" });
  });

  it("learns region codes from ARNs via withExtraRegions or an option, keeping the labels it had", () => {
    const learned = catalog.withExtraRegions(["eu-west-1", "not a region", "GLOBAL"]);
    expect(learned.splitServiceKey("sqs-eu-west-1")).toEqual({ service: "sqs", region: "eu-west-1" });
    expect(learned.regions.get("eu-west-1")).toBe("eu-west-1");
    expect(learned.regions.get("us-east-1")).toBe("N. Virginia");
    expect(learned.regions.has("not a region")).toBe(false);
    expect(learned.regions.has("global")).toBe(false);
    expect(catalog.splitServiceKey("sqs-eu-west-1").region).toBeNull();
    expect(createCatalog(catalog.entries, { extraRegions: ["il-central-1"] }).splitServiceKey("s3-il-central-1")).toEqual({ service: "s3", region: "il-central-1" });
  });

  it("prefers the longest matching region suffix", () => {
    const nested = createCatalog([entry("a-west-1", "a", "west-1", "A"), entry("b-us-west-1", "b", "us-west-1", "B")]);
    expect(nested.splitServiceKey("c-us-west-1")).toEqual({ service: "c", region: "us-west-1" });
  });
});
