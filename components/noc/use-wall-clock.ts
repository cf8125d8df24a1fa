import { createContext, useContext, useSyncExternalStore } from "react";
import { readWallClock, subscribeWallClock } from "@/lib/client/noc/wall-clock";
import { ServerNowContext } from "@/components/ui/server-now-context";

/** True inside the invisible copy of a list that is only there to be measured: its texts need not tick. */
export const MeasuringContext = createContext(false);

const subscribeNever = () => () => {};

/** Epoch ms, re-rendering every whole second; the server's render instant during hydration. */
export function useWallClock(): number {
  const serverNow = useContext(ServerNowContext) ?? 0;
  return useSyncExternalStore(subscribeWallClock, readWallClock, () => serverNow);
}

/** `floor(now / stepMs)`: re-renders only when it changes (page rotation, burn-in steps). */
export function useWallClockStep(stepMs: number): number {
  const serverNow = useContext(ServerNowContext) ?? 0;
  return useSyncExternalStore(
    subscribeWallClock,
    () => Math.floor(readWallClock() / stepMs),
    () => Math.floor(serverNow / stepMs),
  );
}

/**
 * Epoch ms rounded down to `stepMs`, for a text that changes that often. Each tick re-renders and lays out
 * what changed, so texts tick no faster than they must, and not at all in a measuring copy.
 */
export function useTextClock(stepMs: number): number {
  const isMeasuring = useContext(MeasuringContext);
  const serverNow = useContext(ServerNowContext) ?? 0;
  const step = useSyncExternalStore(
    isMeasuring ? subscribeNever : subscribeWallClock,
    () => Math.floor(readWallClock() / stepMs),
    () => Math.floor(serverNow / stepMs),
  );
  return step * stepMs;
}
