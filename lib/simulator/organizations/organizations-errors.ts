/** An Organizations error as the service sends it: HTTP 400 (500 for ServiceException), `{"__type", "Message"}`. */
export class OrganizationsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = "OrganizationsError";
  }
}

export const ORGANIZATIONS_MESSAGES = {
  accessDenied: "You don't have permissions to access this resource.",
  notInUse: "Your account is not a member of an organization.",
  parentNotFound: "We can't find a root or OU with the ParentId that you specified.",
  accountNotFound: "We can't find an AWS account with the AccountId that you specified.",
  sourceParentNotFound: "We can't find a source root or OU with the ParentId that you specified.",
  destinationParentNotFound: "We can't find a destination root or OU with the ParentId that you specified.",
  duplicateAccount: "That account is already present in the specified destination.",
  tooManyRequests: "You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.",
} as const;
