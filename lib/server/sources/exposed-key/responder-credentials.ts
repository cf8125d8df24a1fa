import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentials } from "@/lib/server/sources/account-health/create-health-client";
import { roleForAccount, type ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";

const SESSION_NAME = "healthdeck-exposed-key";

/** Credentials acting in the affected account: the template's role assumed from the base credentials, or the base itself. */
export function credentialsFor(settings: ExposedKeySourceSettings, template: string | null, accountId: string): AwsCredentials {
  const base = settings.baseCredentials ?? fromNodeProviderChain();
  if (!template) return base;
  return fromTemporaryCredentials({
    params: { RoleArn: roleForAccount(template, accountId), RoleSessionName: SESSION_NAME, DurationSeconds: 900 },
    masterCredentials: base,
    clientConfig: { region: "us-east-1", ...(settings.endpoints.sts ? { endpoint: settings.endpoints.sts } : {}) },
  });
}

export const clientConfig = (settings: ExposedKeySourceSettings, region: string, credentials: AwsCredentials, endpoint: string | null, maxAttempts = 3) => ({
  region,
  credentials,
  ...(endpoint ? { endpoint } : {}),
  maxAttempts,
  customUserAgent: settings.userAgent,
  requestHandler: { requestTimeout: settings.requestTimeoutMs, connectionTimeout: settings.requestTimeoutMs, throwOnRequestTimeout: true },
});
