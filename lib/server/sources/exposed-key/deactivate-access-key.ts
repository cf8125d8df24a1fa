import { IAMClient, ListAccessKeysCommand, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { clientConfig, credentialsFor } from "@/lib/server/sources/exposed-key/responder-credentials";
import { describeResponderError, type ResponderProblem } from "@/lib/server/sources/exposed-key/describe-responder-error";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";

export type DeactivateOutcome = { result: "deactivated" | "already-inactive" } | { result: "failed"; problem: ResponderProblem };

/**
 * iam:UpdateAccessKey Status=Inactive with the separate action role: reversible, never a delete, no policy touched.
 * Reads the key's status first with the same role so a second click says "already inactive" instead of writing again.
 */
export async function deactivateAccessKey(settings: ExposedKeySourceSettings, input: { accountId: string; keyId: string; userName: string }): Promise<DeactivateOutcome> {
  if (!settings.actionRoleTemplate) return { result: "failed", problem: { kind: "missing-role", reason: "HEALTHDECK_RESPONDER_ACTION_ROLE is not set: deactivation needs its own role" } };
  const iam = new IAMClient(clientConfig(settings, "us-east-1", credentialsFor(settings, settings.actionRoleTemplate, input.accountId), settings.endpoints.iam));
  try {
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: input.userName }));
    const key = listed.AccessKeyMetadata?.find((candidate) => candidate.AccessKeyId === input.keyId);
    if (!key) return { result: "failed", problem: { kind: "not-found", reason: `user ${input.userName} has no such key (already deleted?)` } };
    if (key.Status === "Inactive") return { result: "already-inactive" };
    await iam.send(new UpdateAccessKeyCommand({ UserName: input.userName, AccessKeyId: input.keyId, Status: "Inactive" }));
    return { result: "deactivated" };
  } catch (error) {
    return { result: "failed", problem: describeResponderError(error, "iam:UpdateAccessKey") };
  } finally {
    iam.destroy();
  }
}
