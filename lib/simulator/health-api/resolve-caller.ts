import { managementAccountId, type AccountWorld, type SimAccount } from "@/lib/simulator/account-world";
import { readSessionAccount } from "@/lib/simulator/health-api/sts-session-keys";

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

/** The account a call acts as: its access key id mapped through `accessKeys` or issued by the fake STS, else the management account. */
export function resolveCaller(authorization: string | undefined, world: AccountWorld, accessKeys: Readonly<Record<string, string>>): SimAccount {
  const accessKeyId = authorization ? CREDENTIAL.exec(authorization)?.[1] : undefined;
  const known = accessKeyId === undefined ? undefined : (accessKeys[accessKeyId] ?? readSessionAccount(accessKeyId) ?? undefined);
  const accountId = known ?? managementAccountId(world);
  return world.accounts.find((account) => account.id === accountId) ?? { id: accountId, name: accountId, supportPlan: true, management: false };
}

/** The region a SigV4 credential scope names (`…/20260801/us-east-1/health/aws4_request`), or null. */
export function signingRegionOf(authorization: string | undefined): string | null {
  return authorization ? (CREDENTIAL.exec(authorization)?.[2] ?? null) : null;
}
