export interface Coalescer {
  /** Asks for a run; every request within `delayMs` of the first shares one run. */
  request(): void;
  cancel(): void;
  readonly isPending: boolean;
}

/** A burst of store writes (one poll writes several times) becomes one rebuild, at most one per `delayMs`. */
export function coalesceCalls(run: () => void, delayMs: number): Coalescer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    request() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        run();
      }, delayMs);
      timer.unref?.();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    get isPending() {
      return timer !== null;
    },
  };
}
