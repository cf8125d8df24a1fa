import useSWR from "swr";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { fetchStatusResponse, type StatusFetchError } from "@/lib/client/fetch-status-response";
import { isKeyFedLive } from "@/lib/client/live/live-swr-feeds";

export const STATUS_REFRESH_MS = 15_000;

/**
 * Status for one API key; `fallback` is the server-rendered data for that key. The live stream feeds the key; while
 * it does, polling pauses, and it refreshes every 15 s and on focus whenever the stream is down.
 */
export function useStatusData(key: string, fallback: StatusResponse) {
  return useSWR<StatusResponse, StatusFetchError>(key, fetchStatusResponse, {
    fallbackData: fallback,
    refreshInterval: STATUS_REFRESH_MS,
    revalidateOnFocus: true,
    isPaused: () => isKeyFedLive(key),
    // The server just rendered this data; refetching it on mount would only double the first load.
    revalidateIfStale: false,
    // No keepPreviousData: it would show the previous filter's data instead of this key's server-rendered fallback.
  });
}
