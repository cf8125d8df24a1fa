import { useMemo } from "react";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { fingerprintEvents } from "@/lib/shared/fingerprint-events";
import { useServerRefresh } from "@/components/ui/use-server-refresh";

/**
 * Event cards and the first grid are server components (their code never ships). When refreshed data carries
 * different events or services than the server rendered, ask the server to render the page again; React then
 * patches only what changed.
 */
export function useRefreshOnServerChange(
  data: StatusResponse,
  initialData: StatusResponse,
  rendered: { events: string; services: string },
  servicesFingerprint: string,
): void {
  const eventsFingerprint = useMemo(() => (data === initialData ? rendered.events : fingerprintEvents(data.events)), [data, initialData, rendered.events]);
  const isCurrent = eventsFingerprint === rendered.events && servicesFingerprint === rendered.services;
  useServerRefresh(isCurrent ? null : `${eventsFingerprint}|${servicesFingerprint}`);
}
