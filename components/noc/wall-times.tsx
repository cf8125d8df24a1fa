"use client";

import { formatAgo, formatDuration, parseInstant } from "@/lib/client/format-time";
import { formatShortUtc } from "@/lib/client/noc/format-wall-time";
import { formatWallCountdown } from "@/lib/client/noc/format-wall-countdown";
import { useTextClock } from "@/components/noc/use-wall-clock";

/** Ages and durations move in 5 s steps: enough to see them move, a fifth of the work of every second. */
export const AGE_STEP_MS = 5000;
const HOUR_MS = 3600_000;

/** `since 12:20 UTC · 1 h 5 min`, ticking. */
export function SinceTime({ iso }: { iso: string }) {
  const now = useTextClock(AGE_STEP_MS);
  const at = parseInstant(iso);
  return (
    <time dateTime={iso} className="noc-num">
      since {formatShortUtc(iso, now)}
      {at !== null && ` · ${formatDuration(now - at)}`}
    </time>
  );
}

/** `12 s ago`, ticking. */
export function AgoTime({ iso }: { iso: string }) {
  const now = useTextClock(AGE_STEP_MS);
  const at = parseInstant(iso);
  return (
    <time dateTime={iso} className="noc-num">
      {at === null ? iso : formatAgo(now - at)}
    </time>
  );
}

/** `in 3 d 4 h`, then to the second (`in 04:59`) in the last hour. */
export function CountdownTime({ iso }: { iso: string }) {
  const minute = useTextClock(60_000);
  const at = parseInstant(iso);
  const isNear = at !== null && at - minute < HOUR_MS + 60_000 && minute - at < HOUR_MS;
  const now = useTextClock(isNear ? 1000 : 60_000);
  return (
    <time dateTime={iso} className="noc-num">
      {at === null ? iso : formatWallCountdown(at, now)}
    </time>
  );
}

/** `starts 30 Nov 16:00 UTC` (the date only when it is not today). */
export function StartsAt({ iso }: { iso: string }) {
  const now = useTextClock(60_000);
  return (
    <time dateTime={iso} className="noc-num">
      starts {formatShortUtc(iso, now)}
    </time>
  );
}
