import { useMemo } from "react";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { fingerprintEvents } from "@/lib/shared/fingerprint-events";
import { useServerRefresh } from "@/components/ui/use-server-refresh";

/**
 * Event cards are server components (their code never ships). When refreshed data carries different events than the
 * server rendered, ask the server to render the page again.
 */
export function useRefreshOnEventChange(data: StatusResponse, initialData: StatusResponse, renderedFingerprint: string): void {
  const fingerprint = useMemo(() => (data === initialData ? renderedFingerprint : fingerprintEvents(data.events)), [data, initialData, renderedFingerprint]);
  useServerRefresh(fingerprint === renderedFingerprint ? null : fingerprint);
}
