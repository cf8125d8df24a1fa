"use client";

import { formatLocalClock, formatUtcClock, type ClockFace } from "@/lib/client/noc/format-wall-time";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useWallClock } from "@/components/noc/use-wall-clock";

function Face({ face, kind }: { face: ClockFace; kind: "utc" | "local" }) {
  return (
    <p className="noc-clock" data-clock={kind}>
      <span className="noc-clock-time noc-num">{face.time}</span> <span className="noc-clock-zone">{face.zone}</span>
      <span className="noc-clock-date">{face.date}</span>
    </p>
  );
}

/** UTC and the screen's local time, to the second. The local zone is only known in the browser. */
export function WallClockFace() {
  const now = useWallClock();
  const isHydrated = useHydrated();
  const local = isHydrated ? formatLocalClock(now) : null;
  return (
    <div className="noc-clocks">
      <Face face={formatUtcClock(now)} kind="utc" />
      {local !== null && <Face face={local} kind="local" />}
    </div>
  );
}
