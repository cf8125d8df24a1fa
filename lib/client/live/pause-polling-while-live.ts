import type { LiveConnection } from "@/lib/client/live/live-connection";
import { markKeysFedLive } from "@/lib/client/live/live-swr-feeds";

/** While the stream is live, the polling hooks of the keys it feeds stand still; they resume when it drops. */
export function pausePollingWhileLive(connection: LiveConnection, keys: readonly string[]): LiveConnection {
  let unmark: (() => void) | null = null;
  const sync = (isRunning: boolean) => {
    const isLive = isRunning && connection.getState().connection === "live";
    if (isLive && unmark === null) unmark = markKeysFedLive(keys);
    if (!isLive && unmark !== null) {
      unmark();
      unmark = null;
    }
  };
  let stopSync: (() => void) | null = null;
  return {
    ...connection,
    start() {
      stopSync ??= connection.subscribe(() => sync(true));
      connection.start();
    },
    stop() {
      connection.stop();
      stopSync?.();
      stopSync = null;
      sync(false);
    },
  };
}
