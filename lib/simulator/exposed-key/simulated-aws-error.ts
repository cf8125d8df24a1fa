/** An AWS error the fake answers with: code, message, HTTP status. */
export class SimulatedAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The caller as the fake sees it: the account it acts as and the access key id it signed with. */
export interface SimCaller {
  accountId: string;
  accessKeyId: string | null;
  /** the assumed role's ARN when the caller holds fake STS session credentials */
  roleArn: string | null;
}
