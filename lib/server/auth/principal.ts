/**
 * Who is asking, as every route and page sees it after `authorize`. `accounts` is the account scope: "all", or the
 * only account ids this principal may see (an empty list: none, e.g. the anonymous public board).
 */
export type Role = "viewer" | "admin";
export type AccountScope = "all" | readonly string[];

export type PrincipalKind = "local" | "user" | "display" | "api-token" | "anonymous";

export interface Principal {
  kind: PrincipalKind;
  /** user name, token name, or "anonymous"; shown on admin pages and in the audit log */
  name: string;
  role: Role | null;
  accounts: AccountScope;
  /** what this principal may do besides reading pages (API tokens carry their scopes; users derive them from role) */
  grants: ReadonlySet<Need>;
  /** the display or API token's id, for last-use and revocation checks */
  tokenId?: string;
  /** the session's own fields, so a handler can refresh the idle clock */
  session?: { signedInAt: number; seenAt: number; sub: string; groups: readonly string[] };
}

/** What a route needs. read-status: the public board; read-account: account data; metrics: /metrics; the others as named. */
export type Need = "read-status" | "read-account" | "ingest" | "feeds" | "metrics" | "admin";

export const ALL_NEEDS: readonly Need[] = ["read-status", "read-account", "ingest", "feeds", "metrics", "admin"];

export function grantsForRole(role: Role): ReadonlySet<Need> {
  return new Set<Need>(role === "admin" ? ALL_NEEDS : ["read-status", "read-account", "feeds"]);
}

export function canSeeAccount(principal: Pick<Principal, "accounts">, accountId: string | null): boolean {
  if (principal.accounts === "all") return true;
  return accountId !== null && principal.accounts.includes(accountId);
}

/**
 * A requested account filter narrowed to the principal's scope. An empty request means "every account I may see";
 * null means nothing is left to show (answer empty, never widen the filter to "all").
 */
export function restrictAccountFilter(principal: Pick<Principal, "accounts">, requested: readonly string[]): string[] | null {
  if (principal.accounts === "all") return [...requested];
  const allowed = principal.accounts;
  const narrowed = requested.length === 0 ? [...allowed] : requested.filter((account) => allowed.includes(account));
  return narrowed.length === 0 ? null : narrowed;
}

const ACCOUNT_ID = /(?<![0-9])[0-9]{12}(?![0-9])/g;

/** Text (source errors quote role ARNs) with every account id outside the scope masked. */
export function maskForeignAccounts(principal: Pick<Principal, "accounts">, text: string): string {
  if (principal.accounts === "all") return text;
  const allowed = principal.accounts;
  return text.replace(ACCOUNT_ID, (id) => (allowed.includes(id) ? id : "************"));
}
