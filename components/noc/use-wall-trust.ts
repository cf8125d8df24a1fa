import { useContext, useSyncExternalStore } from "react";
import { judgeWallHealth, type WallHealthInput } from "@/lib/client/noc/judge-wall-health";
import { readWallClock, subscribeWallClock } from "@/lib/client/noc/wall-clock";
import { ServerNowContext } from "@/components/ui/server-now-context";

/** True while nothing makes the picture doubtful; re-renders only when that flips, not every second. */
export function useWallTrust(input: Omit<WallHealthInput, "now">): boolean {
  const serverNow = useContext(ServerNowContext) ?? 0;
  return useSyncExternalStore(
    subscribeWallClock,
    () => judgeWallHealth({ ...input, now: readWallClock() }).length === 0,
    () => judgeWallHealth({ ...input, now: serverNow }).length === 0,
  );
}
