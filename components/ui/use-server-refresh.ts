import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

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
 * Asks the server to render the page again when `wanted` (a fingerprint of newer data than the page shows) is set,
 * once per distinct value. A refresh that cannot reach the server makes Next navigate the whole page (an error page
 * on a wall screen nobody touches), so it checks the server answers first and otherwise tries again later.
 */
export function useServerRefresh(wanted: string | null): void {
  const router = useRouter();
  const requestedRef = useRef<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (wanted === null || wanted === requestedRef.current) return;
    const controller = new AbortController();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    void canReachServer(controller.signal).then((isReachable) => {
      if (controller.signal.aborted) return;
      if (!isReachable) {
        retryTimer = setTimeout(() => setAttempt((count) => count + 1), RETRY_MS);
        return;
      }
      requestedRef.current = wanted;
      router.refresh();
    });
    return () => {
      controller.abort();
      clearTimeout(retryTimer);
    };
  }, [wanted, router, attempt]);
}
