import type { AwsCredentials } from "@/lib/server/sources/account-health/create-health-client";

/** What the exposed-key source needs to reach AWS; read once from config and the SDK's endpoint variables. */
export interface ExposedKeySourceSettings {
  /** role ARN template with {account}, e.g. arn:aws:iam::{account}:role/HealthdeckResponder; null: the base credentials */
  readRoleTemplate: string | null;
  /** the separate role for UpdateAccessKey; null: deactivation cannot run */
  actionRoleTemplate: string | null;
  endpoints: { cloudtrail: string | null; iam: string | null; ec2: string | null; sts: string | null };
  requestTimeoutMs: number;
  /** a region whose look-up takes longer stops and says so; the others still show */
  regionTimeoutMs: number;
  /** CloudTrail LookupEvents allowance per account and region */
  ratePerSecond: number;
  /** most events one look-up reads (memory stays bounded; the page says "capped at N") */
  maxEvents: number;
  userAgent: string;
  /** default: the SDK's default chain */
  baseCredentials?: AwsCredentials;
}

const endpoint = (env: Record<string, string | undefined>, name: string) => {
  const value = env[name]?.trim();
  return value ? value : null;
};

export function readExposedKeyEndpoints(env: Record<string, string | undefined>): ExposedKeySourceSettings["endpoints"] {
  return {
    cloudtrail: endpoint(env, "AWS_ENDPOINT_URL_CLOUDTRAIL"),
    iam: endpoint(env, "AWS_ENDPOINT_URL_IAM"),
    ec2: endpoint(env, "AWS_ENDPOINT_URL_EC2"),
    sts: endpoint(env, "AWS_ENDPOINT_URL_STS"),
  };
}

/** The role of one account from a template (`{account}` replaced). */
export function roleForAccount(template: string, accountId: string): string {
  return template.replaceAll("{account}", accountId);
}
