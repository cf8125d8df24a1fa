import { useEffect, useState } from "react";
import type { ServiceStatus } from "@/lib/shared/public-status-contract";
import { buildStatusApiKey } from "@/lib/shared/board-url";
import { fetchStatusResponse } from "@/lib/client/fetch-status-response";

/**
 * Every service, for the service picker while the board is filtered (the filtered data lists only some). Fetched
 * once, when `wanted` first turns true; null until then or on failure (the picker then offers what it has).
 */
export function useServiceCatalog(wanted: boolean): ServiceStatus[] | null {
  const [catalog, setCatalog] = useState<ServiceStatus[] | null>(null);
  useEffect(() => {
    if (!wanted || catalog !== null) return;
    let cancelled = false;
    fetchStatusResponse(buildStatusApiKey({ regions: [], services: [], statuses: [] }))
      .then((response) => {
        if (!cancelled) setCatalog(response.services);
      })
      .catch(() => {
        // the picker keeps the options it already has
      });
    return () => {
      cancelled = true;
    };
  }, [wanted, catalog]);
  return catalog;
}
