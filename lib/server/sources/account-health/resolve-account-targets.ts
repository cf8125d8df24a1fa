import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentials } from "@/lib/server/sources/account-health/create-health-client";

export const ROLE_SESSION_NAME = "healthdeck";
// STS is only asked for the caller's account id (and AssumeRole); its regional endpoint in us-east-1 always exists.
const STS_REGION = "us-east-1";

/** One set of credentials to poll with: the default chain, or one assumed role per HEALTHDECK_ASSUME_ROLES entry. */
export interface AccountTarget {
  key: string;
  roleArn: string | null;
  credentials: AwsCredentials;
  /** known up front for a role (from its ARN), else learned once from STS GetCallerIdentity */
  accountId: string | null;
}

export interface AccountCredentialDeps {
  /** base credentials; default: the SDK's default chain (env, profile, SSO, container and instance roles) */
  baseCredentials?: AwsCredentials;
}

/** Where STS is asked: its us-east-1 regional endpoint, or AWS_ENDPOINT_URL_STS (a simulator, a VPC endpoint). */
export interface StsSettings {
  endpoint: string | null;
}

const stsClientConfig = (sts: StsSettings) => ({ region: STS_REGION, ...(sts.endpoint ? { endpoint: sts.endpoint } : {}) });

export function readRoleAccountId(roleArn: string): string | null {
  return /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(roleArn)?.[1] ?? null;
}

const assumeRole = (roleArn: string, base: AwsCredentials, sts: StsSettings): AwsCredentials =>
  fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME }, masterCredentials: base, clientConfig: stsClientConfig(sts) });

export async function identifyWithSts(credentials: AwsCredentials, settings: StsSettings): Promise<string> {
  const sts = new STSClient({ ...stsClientConfig(settings), credentials, maxAttempts: 3 });
  try {
    const { Account } = await sts.send(new GetCallerIdentityCommand({}));
    if (!Account) throw new Error("STS GetCallerIdentity returned no account id");
    return Account;
  } finally {
    sts.destroy();
  }
}

export function createAccountTargets(
  roleArns: readonly string[],
  deps: AccountCredentialDeps,
  sts: StsSettings,
  defaultAccountId: string | null = null,
): AccountTarget[] {
  const base = deps.baseCredentials ?? fromNodeProviderChain();
  if (roleArns.length === 0) return [{ key: "default", roleArn: null, credentials: base, accountId: defaultAccountId }];
  return roleArns.map((roleArn) => ({ key: roleArn, roleArn, credentials: assumeRole(roleArn, base, sts), accountId: readRoleAccountId(roleArn) }));
}

/** Resolves the credentials once (a provider may throw CredentialsProviderError) without exposing them. */
export async function checkCredentials(credentials: AwsCredentials): Promise<void> {
  if (typeof credentials === "function") await credentials();
}

/** The target's account id, asked from STS once and cached on the target. */
export async function identifyTarget(target: AccountTarget, sts: StsSettings): Promise<string> {
  if (target.accountId) return target.accountId;
  target.accountId = await identifyWithSts(target.credentials, sts);
  return target.accountId;
}
