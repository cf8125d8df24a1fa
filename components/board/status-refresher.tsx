"use client";

import { useEffect } from "react";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import type { StatusFetchError } from "@/lib/client/fetch-status-response";
import { useStatusData } from "@/components/board/use-status-data";

export interface StatusUpdate {
  key: string;
  data: StatusResponse;
  error: StatusFetchError | undefined;
  isValidating: boolean;
}

/**
 * Runs the SWR subscription for the board and reports each result up. It renders nothing, so the board loads it
 * after hydration (React.lazy) and SWR stays out of the first-load JS; the first data is server-rendered anyway.
 */
export function StatusRefresher({ swrKey, fallback, onUpdate }: { swrKey: string; fallback: StatusResponse; onUpdate: (update: StatusUpdate) => void }) {
  const { data, error, isValidating } = useStatusData(swrKey, fallback);
  // SWR prefers its cache over the fallback; back on an earlier filter, the page the server just rendered may be newer.
  const shown = data === undefined || Date.parse(fallback.generatedAt) > Date.parse(data.generatedAt) ? fallback : data;
  useEffect(() => {
    onUpdate({ key: swrKey, data: shown, error, isValidating });
  }, [swrKey, shown, error, isValidating, onUpdate]);
  return null;
}
