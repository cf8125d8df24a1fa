/**
 * An AWS account id as logs may show it: the last four digits, enough to tell a team's accounts apart, while the
 * full id (account data) stays out of log pipelines.
 */
export function maskAccountId(accountId: string | null): string | null {
  if (accountId === null) return null;
  return accountId.length <= 4 ? "…" : `…${accountId.slice(-4)}`;
}
