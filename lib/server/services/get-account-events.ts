import "server-only";
import type { AccountEventsQuery } from "@/lib/shared/account-query";
import type { AccountEventDetail, AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { canSeeAccount, type Principal } from "@/lib/server/auth/principal";
import { maskScoped, narrowAccounts, scopeAccountEvents } from "@/lib/server/auth/scope-account-data";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildAccountEventDetail, buildAccountEvents } from "@/lib/server/services/build-account-events";

/** The events `principal` may see: the query's accounts narrowed to its scope. */
export async function getAccountEvents(query: AccountEventsQuery, principal: Pick<Principal, "accounts">): Promise<AccountEventsResponse> {
  const runtime = getRuntime();
  const scoped = { ...query, accounts: narrowAccounts(principal, query.accounts) };
  return scopeAccountEvents(principal, await buildAccountEvents(runtime, scoped, runtime.now()));
}

/** null for an unknown event and for one outside the principal's scope alike: no existence leak. */
export async function getAccountEvent(id: string, principal: Pick<Principal, "accounts">): Promise<AccountEventDetail | null> {
  const event = await buildAccountEventDetail(getRuntime(), id);
  if (event === null || !canSeeAccount(principal, event.accountId)) return null;
  return maskScoped(principal, event);
}
