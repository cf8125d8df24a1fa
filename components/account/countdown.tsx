"use client";

import { formatUtc, parseInstant } from "@/lib/client/format-time";
import { formatCountdown } from "@/lib/client/account/format-countdown";
import { useNow } from "@/components/ui/use-now";

/** `starts in 3 d 4 h` / `started 2 h ago`, ticking; the exact UTC start is in the tooltip and for screen readers. */
export function Countdown({ startIso, className = "" }: { startIso: string; className?: string }) {
  const now = useNow();
  const start = parseInstant(startIso);
  const text = now === null || start === null ? `starts ${formatUtc(startIso)}` : formatCountdown(start, now);
  return (
    <time dateTime={startIso} title={formatUtc(startIso)} className={`tabular-nums ${className}`}>
      {text}
    </time>
  );
}
