import useSWR from "swr";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { fetchStatusResponse, type StatusFetchError } from "@/lib/client/fetch-status-response";

export const STATUS_REFRESH_MS = 15_000;

/** Status for one API key, refreshed every 15 s and on focus; `fallback` is the server-rendered data for that key. */
export function useStatusData(key: string, fallback: StatusResponse) {
  return useSWR<StatusResponse, StatusFetchError>(key, fetchStatusResponse, {
    fallbackData: fallback,
    refreshInterval: STATUS_REFRESH_MS,
    revalidateOnFocus: true,
    // The server just rendered this data; refetching it on mount would only double the first load.
    revalidateIfStale: false,
    // No keepPreviousData: it would show the previous filter's data instead of this key's server-rendered fallback.
  });
}
