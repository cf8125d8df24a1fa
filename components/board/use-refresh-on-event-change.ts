import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { fingerprintEvents } from "@/lib/shared/fingerprint-events";

/**
 * Event cards are server components (their code never ships). When refreshed data carries different events than the
 * server rendered, ask the server to render the page again, once per distinct change.
 */
export function useRefreshOnEventChange(data: StatusResponse, initialData: StatusResponse, renderedFingerprint: string): void {
  const router = useRouter();
  const requestedRef = useRef<string | null>(null);
  useEffect(() => {
    if (data === initialData) return;
    const fingerprint = fingerprintEvents(data.events);
    if (fingerprint === renderedFingerprint || fingerprint === requestedRef.current) return;
    requestedRef.current = fingerprint;
    router.refresh();
  }, [data, initialData, renderedFingerprint, router]);
}
