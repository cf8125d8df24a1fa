import { useEffect, useState } from "react";

export type WakeLockState = "pending" | "held" | "unavailable";

/**
 * Keeps the display on while the wall is visible. The browser drops the lock whenever the page is hidden
 * (screen off, tab switch), so it is asked for again each time the page becomes visible.
 * Needs a secure context: HTTPS, or http://localhost.
 */
export function useScreenWakeLock(): WakeLockState {
  const [state, setState] = useState<WakeLockState>("pending");
  useEffect(() => {
    if (!("wakeLock" in navigator)) {
      // Reported after mount: the server cannot know, and the first render must match it.
      queueMicrotask(() => setState("unavailable"));
      return;
    }
    let sentinel: WakeLockSentinel | null = null;
    let isDisposed = false;
    const request = async () => {
      if (isDisposed || document.visibilityState !== "visible" || (sentinel !== null && !sentinel.released)) return;
      try {
        const lock = await navigator.wakeLock.request("screen");
        if (isDisposed) {
          void lock.release();
          return;
        }
        sentinel = lock;
        setState("held");
        lock.addEventListener("release", () => {
          if (!isDisposed) setState("pending");
        }, { once: true });
      } catch {
        if (!isDisposed) setState("unavailable");
      }
    };
    const onVisibility = () => void request();
    void request();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      isDisposed = true;
      document.removeEventListener("visibilitychange", onVisibility);
      void sentinel?.release();
    };
  }, []);
  return state;
}
