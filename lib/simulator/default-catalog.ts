import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { labelRegion } from "@/lib/simulator/region-labels";

/** One services.json entry as AWS serves it; `service` is the slug that keys feeds and events. */
export const rawCatalogEntrySchema = z.object({
  service: z.string().min(1),
  service_name: z.string(),
  region_id: z.string(),
  region_name: z.string(),
});
export type RawCatalogEntry = z.infer<typeof rawCatalogEntrySchema>;

export const SERVICES_SNAPSHOT_PATH = path.join(process.cwd(), "lib/server/sources/catalog/services-snapshot.json");

const REGIONAL_SERVICES: ReadonlyArray<readonly [string, string]> = [
  ["apigateway", "Amazon API Gateway"],
  ["cloudwatch", "Amazon CloudWatch"],
  ["dynamodb", "Amazon DynamoDB"],
  ["ec2", "Amazon Elastic Compute Cloud"],
  ["lambda", "AWS Lambda"],
  ["s3", "Amazon Simple Storage Service"],
  ["sagemaker", "Amazon SageMaker"],
  ["sqs", "Amazon Simple Queue Service"],
  ["multipleservices", "Multiple services"],
];
const BUILT_IN_REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];
const GLOBAL_SERVICES: ReadonlyArray<readonly [string, string]> = [
  ["cloudfront", "Amazon CloudFront"],
  ["iam", "AWS Identity and Access Management"],
  ["management-console", "AWS Management Console"],
  ["route53", "Amazon Route 53"],
];

/** A small catalogue covering every key the bundled scenarios use. Global services have an empty region_id, as in AWS's. */
export function buildBuiltInCatalog(): RawCatalogEntry[] {
  const regional = BUILT_IN_REGIONS.flatMap((region) =>
    REGIONAL_SERVICES.map(([slug, name]) => ({
      service: `${slug}-${region}`,
      service_name: name,
      region_id: region,
      region_name: labelRegion(region),
    })),
  );
  const global = GLOBAL_SERVICES.map(([slug, name]) => ({ service: slug, service_name: name, region_id: "", region_name: "Global" }));
  return [...regional, ...global];
}

/** The services-snapshot.json beside the catalog source when it exists and parses, else the built-in list. */
export function loadDefaultCatalog(snapshotPath: string = SERVICES_SNAPSHOT_PATH): RawCatalogEntry[] {
  if (!existsSync(snapshotPath)) return buildBuiltInCatalog();
  const raw = readFileSync(snapshotPath, "utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return buildBuiltInCatalog();
  }
  const parsed = z.array(rawCatalogEntrySchema).safeParse(json);
  if (!parsed.success || parsed.data.length === 0) return buildBuiltInCatalog();
  return ensureBuiltInKeys(parsed.data);
}

/** The bundled scenarios must find their keys even in a snapshot that lacks some of them. */
function ensureBuiltInKeys(entries: RawCatalogEntry[]): RawCatalogEntry[] {
  const known = new Set(entries.map((entry) => entry.service));
  return [...entries, ...buildBuiltInCatalog().filter((entry) => !known.has(entry.service))];
}
