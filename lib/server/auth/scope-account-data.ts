import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { canSeeAccount, maskForeignAccounts, restrictAccountFilter, type Principal } from "@/lib/server/auth/principal";

/**
 * An account id no AWS account has: a filter of only this matches no account event, while entries that concern
 * everyone (public changes, source states) still pass. How "this principal sees no account" reads as a filter.
 */
export const NO_ACCOUNT = "none";

type Scoped = Pick<Principal, "accounts">;

/** The account filter to query with: the request's, narrowed to the principal's scope, never widened to "all". */
export function narrowAccounts(principal: Scoped, requested: readonly string[]): string[] {
  return restrictAccountFilter(principal, requested) ?? [NO_ACCOUNT];
}

/** Any JSON value with foreign account ids masked (source errors quote role ARNs); unchanged for "all". */
export function maskScoped<T>(principal: Scoped, value: T): T {
  if (principal.accounts === "all") return value;
  return JSON.parse(maskForeignAccounts(principal, JSON.stringify(value))) as T;
}

/** Events outside the scope dropped (a second line behind the narrowed query) and the rest masked. */
export function scopeAccountEvents(principal: Scoped, response: AccountEventsResponse): AccountEventsResponse {
  if (principal.accounts === "all") return response;
  return maskScoped(principal, { sources: response.sources, events: response.events.filter((event) => canSeeAccount(principal, event.accountId)) });
}
