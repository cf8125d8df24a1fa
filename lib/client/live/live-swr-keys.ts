import { hasAccountFilter, liveScopeToStatusFilter, type LiveScope } from "@/lib/shared/live-scope";
import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { OPEN_ACCOUNT_EVENTS_KEY } from "@/lib/client/account/fetch-account";
import { buildStatusApiKey } from "@/lib/shared/board-url";
import type { LiveAccount } from "@/lib/client/live/live-model";

/** The /api/v1/status key whose response equals the stream's `status` for this scope (the board's key). */
export function buildLiveStatusKey(scope: LiveScope): string {
  return buildStatusApiKey(liveScopeToStatusFilter(scope));
}

/**
 * The /api/v1/account/events key whose response equals the stream's open and upcoming events, or null
 * when none does (muted types have no API parameter). Unscoped, it is the panels' and banner's key.
 */
export function buildLiveAccountKey(scope: LiveScope): string | null {
  if (scope.mutedTypes.length > 0) return null;
  if (!hasAccountFilter(scope)) return OPEN_ACCOUNT_EVENTS_KEY;
  const params = new URLSearchParams({ status: "open,upcoming" });
  const lists: [string, readonly string[]][] = [
    ["region", scope.regions],
    ["service", scope.services],
    ["account", scope.accounts],
    ["category", scope.categories],
  ];
  for (const [name, values] of lists) if (values.length > 0) params.set(name, values.join(","));
  return `/api/v1/account/events?${params.toString().replaceAll("%2C", ",")}`;
}

const OPEN_STATUSES = new Set(["open", "upcoming"]);

/** The stream's account part as the event API would answer for `buildLiveAccountKey`. */
export function toOpenAccountResponse(account: LiveAccount): AccountEventsResponse {
  return { sources: account.sources, events: account.events.filter((event) => OPEN_STATUSES.has(event.status)) };
}
