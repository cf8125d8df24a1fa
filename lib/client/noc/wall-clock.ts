/**
 * One clock for the whole wall, ticking on whole seconds (so the seconds on screen change together) and
 * re-synced at once when the page becomes visible again: timers are throttled or frozen while a screen sleeps.
 */
const listeners = new Set<() => void>();
let now = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  now = Date.now();
  for (const notify of listeners) notify();
  schedule();
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 2);
}

function resync(): void {
  if (document.visibilityState === "visible") tick();
}

export function subscribeWallClock(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    schedule();
    document.addEventListener("visibilitychange", resync);
    window.addEventListener("pageshow", resync);
    window.addEventListener("online", resync);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
      document.removeEventListener("visibilitychange", resync);
      window.removeEventListener("pageshow", resync);
      window.removeEventListener("online", resync);
    }
  };
}

/** The clock's reading (epoch ms): the last tick, or the current whole second before the clock first runs. */
export function readWallClock(): number {
  if (now === 0) now = Math.floor(Date.now() / 1000) * 1000;
  return now;
}
