import type { ServerResponse } from "node:http";

/** Keeps hold of delayed and deliberately hanging responses so close() can end them all. */
export interface ResponseTracker {
  after(ms: number, res: ServerResponse, run: () => void): void;
  hold(res: ServerResponse): void;
  closeAll(): void;
}

export function createResponseTracker(): ResponseTracker {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const held = new Set<ServerResponse>();
  return {
    after(ms, res, run) {
      if (ms <= 0) {
        run();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) run();
      }, ms);
      timers.add(timer);
    },
    hold(res) {
      held.add(res);
      res.once("close", () => held.delete(res));
    },
    closeAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of held) res.destroy();
      held.clear();
    },
  };
}
