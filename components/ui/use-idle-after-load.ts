import { useEffect, useState } from "react";

/**
 * True once the page has loaded and the browser has an idle moment (or `timeoutMs` passed). For work that is not
 * needed for the first paint or the first interaction, such as opening the live stream of a page the server has
 * just rendered fresh: it then stays out of the way of hydration on a slow phone.
 */
export function useIdleAfterLoad(timeoutMs = 3000): boolean {
  const [isIdle, setIsIdle] = useState(false);
  useEffect(() => {
    let idleHandle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const markIdle = () => setIsIdle(true);
    const schedule = () => {
      if (typeof window.requestIdleCallback === "function") idleHandle = window.requestIdleCallback(markIdle, { timeout: timeoutMs });
      else timer = setTimeout(markIdle, 0);
    };
    if (document.readyState === "complete") schedule();
    else window.addEventListener("load", schedule, { once: true });
    return () => {
      window.removeEventListener("load", schedule);
      if (idleHandle !== undefined) window.cancelIdleCallback(idleHandle);
      clearTimeout(timer);
    };
  }, [timeoutMs]);
  return isIdle;
}
