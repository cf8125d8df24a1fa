import { useContext, useSyncExternalStore } from "react";
import { ServerNowContext } from "@/components/ui/server-now-context";

// One shared one-second timer for every relative time on the page, running only while something listens.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Current epoch ms, ticking every second; the server's render instant until hydration (null without one). */
export function useNow(): number | null {
  const serverNow = useContext(ServerNowContext);
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => serverNow,
  );
}
