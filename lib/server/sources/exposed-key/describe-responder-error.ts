/** Why a call of the exposed-key response failed, in words for the page. */
export interface ResponderProblem {
  kind: "access-denied" | "missing-role" | "quarantined-principal" | "timeout" | "throttled" | "no-credentials" | "not-found" | "stopped" | "failed";
  reason: string;
}

const nameOf = (error: unknown) => (error instanceof Error ? error.name : "Error");
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 400);

/** Maps an SDK error (or our own timeout) to a kind and a reason that says what to check. */
export function describeResponderError(error: unknown, action: string): ResponderProblem {
  const name = nameOf(error);
  const message = messageOf(error);
  if (/AWSCompromisedKeyQuarantine/.test(message)) {
    return { kind: "quarantined-principal", reason: `${action} was refused by AWS's quarantine policy: Healthdeck is running as the exposed principal itself. Use a separate role (HEALTHDECK_RESPONDER_ROLE). (${name})` };
  }
  if (/sts:AssumeRole/.test(message) || (name === "AccessDenied" && /AssumeRole/.test(message))) {
    return { kind: "missing-role", reason: `could not assume the responder role: it does not exist in this account or does not trust Healthdeck's credentials (${name}: ${message})` };
  }
  if (/AccessDenied|UnauthorizedOperation|not authorized/i.test(`${name} ${message}`)) {
    return { kind: "access-denied", reason: `${action} was denied: the role lacks the permission (${name}: ${message})` };
  }
  if (name === "CredentialsProviderError") return { kind: "no-credentials", reason: "no AWS credentials found for Healthdeck (environment, profile, or instance role)" };
  if (name === "NoSuchEntity" || name === "NoSuchEntityException") return { kind: "not-found", reason: `${action}: ${message}` };
  if (name === "TimeoutError" || name === "AbortError" || /timed? ?out/i.test(message)) return { kind: "timeout", reason: `${action} timed out: AWS did not answer in time` };
  if (/Throttl|Rate exceeded/i.test(`${name} ${message}`)) return { kind: "throttled", reason: `${action} was throttled by AWS after retries` };
  return { kind: "failed", reason: `${action} failed (${name}: ${message})` };
}
