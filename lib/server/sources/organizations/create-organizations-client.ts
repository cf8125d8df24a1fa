import { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { AwsCredentials } from "@/lib/server/sources/account-health/create-health-client";

/** Organizations is a global service whose endpoint is in us-east-1 (aws partition). */
const ORGANIZATIONS_REGION = "us-east-1";

export interface OrganizationsClientSettings {
  credentials: AwsCredentials;
  /** AWS_ENDPOINT_URL_ORGANIZATIONS, the SDK's own override (a simulator, a VPC endpoint) */
  endpoint: string | null;
  requestTimeoutMs: number;
  userAgent: string;
}

export function createOrganizationsClient(settings: OrganizationsClientSettings): OrganizationsClient {
  return new OrganizationsClient({
    region: ORGANIZATIONS_REGION,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    credentials: settings.credentials,
    maxAttempts: 3,
    retryMode: "standard",
    customUserAgent: settings.userAgent,
    requestHandler: { requestTimeout: settings.requestTimeoutMs, connectionTimeout: settings.requestTimeoutMs },
  });
}
