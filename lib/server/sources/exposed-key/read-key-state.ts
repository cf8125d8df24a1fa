import { GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand, ListAttachedUserPoliciesCommand } from "@aws-sdk/client-iam";
import { clientConfig, credentialsFor } from "@/lib/server/sources/exposed-key/responder-credentials";
import { describeResponderError, type ResponderProblem } from "@/lib/server/sources/exposed-key/describe-responder-error";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";

export const QUARANTINE_POLICY_PREFIX = "AWSCompromisedKeyQuarantine";
// IAM is global: its endpoint signs in us-east-1.
const IAM_REGION = "us-east-1";

export interface KeyState {
  /** what IAM says now; "unknown" when it could not be read */
  status: "Active" | "Inactive" | "unknown";
  userName: string | null;
  lastUsed: { at: number | null; service: string | null; region: string | null } | null;
  /** attached AWS quarantine policies (AWSCompromisedKeyQuarantine, …V2, V3, V4) */
  quarantinePolicies: string[];
  /** null when IAM could not be asked about policies */
  quarantineKnown: boolean;
  /** epoch ms */
  checkedAt: number;
  problems: ResponderProblem[];
}

const notApplicable = (value: string | undefined) => (value && value !== "N/A" ? value : null);

/** The key's state with the read-only role: last used (and its user), active or not, quarantine policy attached. */
export async function readKeyState(settings: ExposedKeySourceSettings, input: { accountId: string; keyId: string; userName: string | null; now: number }): Promise<KeyState> {
  const iam = new IAMClient(clientConfig(settings, IAM_REGION, credentialsFor(settings, settings.readRoleTemplate, input.accountId), settings.endpoints.iam));
  const state: KeyState = { status: "unknown", userName: input.userName, lastUsed: null, quarantinePolicies: [], quarantineKnown: false, checkedAt: input.now, problems: [] };
  try {
    try {
      const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: input.keyId }));
      state.userName = used.UserName ?? state.userName;
      const last = used.AccessKeyLastUsed;
      state.lastUsed = { at: last?.LastUsedDate?.getTime() ?? null, service: notApplicable(last?.ServiceName), region: notApplicable(last?.Region) };
    } catch (error) {
      state.problems.push(describeResponderError(error, "iam:GetAccessKeyLastUsed"));
      // Without permission to read IAM the other calls fail the same way; one reason is enough.
      if (state.problems[0]?.kind !== "not-found" && state.problems[0]?.kind !== "failed") return state;
    }
    const userName = state.userName;
    if (!userName) {
      state.problems.push({ kind: "not-found", reason: "the key's user is unknown: the event names none and IAM did not say" });
      return state;
    }
    const [keys, policies] = await Promise.allSettled([
      iam.send(new ListAccessKeysCommand({ UserName: userName })),
      iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName })),
    ]);
    if (keys.status === "fulfilled") {
      const found = keys.value.AccessKeyMetadata?.find((key) => key.AccessKeyId === input.keyId);
      if (found?.Status === "Active" || found?.Status === "Inactive") state.status = found.Status;
      else state.problems.push({ kind: "not-found", reason: `user ${userName} has no such key any more (deleted?)` });
    } else state.problems.push(describeResponderError(keys.reason, "iam:ListAccessKeys"));
    if (policies.status === "fulfilled") {
      state.quarantineKnown = true;
      state.quarantinePolicies = (policies.value.AttachedPolicies ?? []).map((policy) => policy.PolicyName ?? "").filter((name) => name.startsWith(QUARANTINE_POLICY_PREFIX));
    } else state.problems.push(describeResponderError(policies.reason, "iam:ListAttachedUserPolicies"));
    return state;
  } finally {
    iam.destroy();
  }
}
