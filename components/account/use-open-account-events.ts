import useSWR from "swr";
import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import type { StatusFetchError } from "@/lib/client/fetch-status-response";
import { isKeyFedLive } from "@/lib/client/live/live-swr-feeds";
import { ACCOUNT_REFRESH_MS, fetchAccountEvents, OPEN_ACCOUNT_EVENTS_KEY } from "@/lib/client/account/fetch-account";

/**
 * Open and upcoming account events, shared by the panels and the security banner (one request per refresh). A live
 * stream of the unscoped view feeds the same key; polling pauses while it does.
 */
export function useOpenAccountEvents(fallback: AccountEventsResponse | undefined, options: { revalidateOnMount?: boolean } = {}) {
  return useSWR<AccountEventsResponse, StatusFetchError>(OPEN_ACCOUNT_EVENTS_KEY, fetchAccountEvents, {
    fallbackData: fallback,
    refreshInterval: ACCOUNT_REFRESH_MS,
    revalidateOnFocus: true,
    isPaused: () => isKeyFedLive(OPEN_ACCOUNT_EVENTS_KEY),
    // The server just rendered this data; refetching it on mount would only double the first load.
    revalidateIfStale: false,
    keepPreviousData: true,
    ...options,
  });
}
