/** An AWS-shaped error: HTTP status plus `{"__type": "<name>", "message": "…"}`. */
export class HealthApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "HealthApiError";
  }
}

/** Names AWS does not document; every one is configurable (see HealthApiSimulatorOptions.errorNames). */
export interface HealthErrorNames {
  /** Input constraint violations. AWS's common name is ValidationException. */
  validation: string;
  /** Organization operations while the organizational view is not ENABLED (invented placeholder). */
  orgViewNotEnabled: string;
  /** failedSet errorName for an event ARN that does not exist for the caller (invented placeholder). */
  eventNotFound: string;
  /** failedSet errorName for an account without a Business/Enterprise support plan. */
  supportPlanRequired: string;
}

export const DEFAULT_ERROR_NAMES: HealthErrorNames = {
  validation: "ValidationException",
  orgViewNotEnabled: "OrganizationalViewNotEnabledException",
  eventNotFound: "EventNotFoundException",
  supportPlanRequired: "SubscriptionRequiredException",
};

export const FAILED_SET_MESSAGES = {
  /** No awsAccountId given, but the event is not public (or does not exist). */
  publicEventNotFound:
    "We couldn't find a public event that matches your request. To find an event that is account specific, you must enter an AWS account ID in the request.",
  /** An awsAccountId given, but the event is public or does not concern that account. */
  accountEventNotFound:
    "We couldn't find an account specific event for the specified AWS account. To find an event that is public, you must enter a null value for the AWS account ID in the request.",
  noSupportPlan:
    "Your AWS account doesn't include the AWS Support plan required to use the AWS Health API. You must have either a Business, Enterprise On-Ramp, or Enterprise Support plan.",
  notFound: "We couldn't find an event that matches your request.",
} as const;

export function invalidPaginationToken(): HealthApiError {
  return new HealthApiError("InvalidPaginationToken", "The specified pagination token (nextToken) is not valid.");
}

export function unsupportedLocale(): HealthApiError {
  return new HealthApiError("UnsupportedLocale", "The specified locale is not supported.");
}

export function serializationError(message: string): HealthApiError {
  return new HealthApiError("SerializationException", message);
}
