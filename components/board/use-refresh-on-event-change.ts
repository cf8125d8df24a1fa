import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { fingerprintEvents } from "@/lib/shared/fingerprint-events";

const PROBE_TIMEOUT_MS = 5000;
const RETRY_MS = 5000;

/** True when the server answers now. */
async function canReachServer(signal: AbortSignal): Promise<boolean> {
  if (navigator.onLine === false) return false;
  try {
    const response = await fetch("/api/v1/health", { cache: "no-store", signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Event cards are server components (their code never ships). When refreshed data carries different events than the
 * server rendered, ask the server to render the page again, once per distinct change. A refresh that cannot reach the
 * server makes Next navigate the whole page (an error page on a wall screen nobody touches), so it asks first and
 * tries again later.
 */
export function useRefreshOnEventChange(data: StatusResponse, initialData: StatusResponse, renderedFingerprint: string): void {
  const router = useRouter();
  const requestedRef = useRef<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (data === initialData) return;
    const fingerprint = fingerprintEvents(data.events);
    if (fingerprint === renderedFingerprint || fingerprint === requestedRef.current) return;
    const controller = new AbortController();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    void canReachServer(controller.signal).then((isReachable) => {
      if (controller.signal.aborted) return;
      if (!isReachable) {
        retryTimer = setTimeout(() => setAttempt((count) => count + 1), RETRY_MS);
        return;
      }
      requestedRef.current = fingerprint;
      router.refresh();
    });
    return () => {
      controller.abort();
      clearTimeout(retryTimer);
    };
  }, [data, initialData, renderedFingerprint, router, attempt]);
}
