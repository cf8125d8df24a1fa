/** How a failed Health call should change the source: a retry soon will not fix "unavailable". */
export interface HealthFailure {
  kind: "unavailable" | "throttled" | "error";
  code: string;
  reason: string;
  /** HTTP status of the answer; null when none came (network, timeout, credentials) */
  httpStatus: number | null;
}

export const SUBSCRIPTION_REASON =
  "AWS Health API needs a Business, Enterprise On-Ramp or Enterprise Support plan (SubscriptionRequiredException)";

const ACCESS_DENIED = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnauthorizedException"]);
const BAD_CREDENTIALS = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "InvalidAccessKeyId",
  "CredentialsProviderError",
]);
const THROTTLING = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException", "SlowDown"]);

function readCode(error: unknown): { code: string; message: string; status: number | null } {
  if (!(error instanceof Error)) return { code: "Error", message: String(error), status: null };
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  const status = typeof metadata?.httpStatusCode === "number" ? metadata.httpStatusCode : null;
  // Unmodeled errors arrive as the base HealthServiceException whose name is the wire code.
  const code = (error as { Code?: unknown }).Code;
  return { code: typeof code === "string" && code ? code : error.name || "Error", message: error.message.trim(), status };
}

const withMessage = (text: string, message: string, code: string) => (message && message !== code ? `${text}: ${message}` : text);

export function classifyHealthError(error: unknown): HealthFailure {
  const { code, message, status } = readCode(error);
  const failure = (kind: HealthFailure["kind"], reason: string): HealthFailure => ({ kind, code, reason, httpStatus: status });
  if (code === "SubscriptionRequiredException") return failure("unavailable", SUBSCRIPTION_REASON);
  if (ACCESS_DENIED.has(code)) {
    return failure("unavailable", withMessage(`AWS Health API access denied (${code}); the credentials need the health:Describe* permissions`, message, code));
  }
  if (BAD_CREDENTIALS.has(code)) {
    const text = code === "CredentialsProviderError" ? "no usable AWS credentials (CredentialsProviderError)" : `AWS rejected the credentials (${code}): expired, revoked or wrong`;
    return failure("unavailable", withMessage(text, message, code));
  }
  if (THROTTLING.has(code) || status === 429) return failure("throttled", withMessage(`AWS Health API is throttling requests (${code})`, message, code));
  const where = status === null ? code : `${code}, HTTP ${status}`;
  return failure("error", message ? `${message} (${where})` : `AWS Health API call failed (${where})`);
}
