import { coalesceCalls } from "@/lib/server/hub/coalesce-calls";

export interface RebuildLoop {
  /** A store change: one pass soon, shared by every request in the coalescing window. */
  request(): void;
  /** A pass now, or right after the one running; resolves when a pass that started after this call ends. */
  runNow(): Promise<void>;
  stop(): void;
}

export interface RebuildLoopDeps<T> {
  list(): T[];
  rebuild(item: T): void | Promise<void>;
  coalesceMs: number;
  /** Clock passes: source freshness and the 24 h windows change without any write. */
  refreshMs: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rebuilds every scope in passes that never overlap and yield between scopes, so many scopes never
 * freeze the server. Clock passes are spaced to stay under a tenth of the time, however many scopes.
 */
export function createRebuildLoop<T>(deps: RebuildLoopDeps<T>): RebuildLoop {
  let running: Promise<void> | null = null;
  let isRequestedAgain = false;
  let isStopped = false;
  let lastPassMs = 0;
  let clockTimer: ReturnType<typeof setTimeout> | null = null;

  async function pass(): Promise<void> {
    const started = performance.now();
    for (const item of deps.list()) {
      if (isStopped) return;
      await deps.rebuild(item);
      await yieldToEventLoop();
    }
    lastPassMs = performance.now() - started;
  }

  function runNow(): Promise<void> {
    if (running !== null) {
      isRequestedAgain = true;
      return running;
    }
    running = (async () => {
      do {
        isRequestedAgain = false;
        await pass();
      } while (isRequestedAgain && !isStopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const coalescer = coalesceCalls(() => void runNow(), deps.coalesceMs);

  function scheduleClockPass(): void {
    if (isStopped) return;
    clockTimer = setTimeout(() => void runNow().then(scheduleClockPass), Math.max(deps.refreshMs, 10 * lastPassMs));
    clockTimer.unref?.();
  }
  scheduleClockPass();

  return {
    request: () => coalescer.request(),
    runNow,
    stop() {
      isStopped = true;
      coalescer.cancel();
      if (clockTimer !== null) clearTimeout(clockTimer);
    },
  };
}
