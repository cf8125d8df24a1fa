"use client";

import { useEffect, useMemo } from "react";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import type { StatusFilter } from "@/lib/shared/status-filter";
import { statusFilterToLiveScope } from "@/lib/shared/live-scope";
import type { StatusFetchError } from "@/lib/client/fetch-status-response";
import { useLiveHealth, type LiveConnectionState } from "@/lib/client/live/use-live-health";
import { useStatusData } from "@/components/board/use-status-data";

export interface StatusUpdate {
  key: string;
  data: StatusResponse;
  error: StatusFetchError | undefined;
  isValidating: boolean;
  /** the live stream of this filter; SWR polls only while it is not live */
  connection: LiveConnectionState;
}

/**
 * Runs the board's live stream and SWR subscription and reports each result up. It renders nothing, so the board
 * loads it after hydration (React.lazy) and the stream's code, zod and SWR stay out of the first-load JS; the first
 * data is server-rendered anyway.
 */
export function StatusRefresher({ swrKey, filter, fallback, onUpdate }: { swrKey: string; filter: StatusFilter; fallback: StatusResponse; onUpdate: (update: StatusUpdate) => void }) {
  const scope = useMemo(() => statusFilterToLiveScope(filter), [filter]);
  const { connection } = useLiveHealth(scope);
  const { data, error, isValidating } = useStatusData(swrKey, fallback);
  // SWR prefers its cache over the fallback; back on an earlier filter, the page the server just rendered may be newer.
  const shown = data === undefined || Date.parse(fallback.generatedAt) > Date.parse(data.generatedAt) ? fallback : data;
  useEffect(() => {
    onUpdate({ key: swrKey, data: shown, error, isValidating, connection });
  }, [swrKey, shown, error, isValidating, connection, onUpdate]);
  return null;
}
