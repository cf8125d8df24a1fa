"use client";

import { formatAgo, formatUtc, parseInstant } from "@/lib/client/format-time";
import { useNow } from "@/components/ui/use-now";

/** `12 s ago`, ticking; the exact UTC time is in the tooltip. */
export function RelativeTime({ iso, className = "" }: { iso: string; className?: string }) {
  const now = useNow();
  const at = parseInstant(iso);
  const text = now === null || at === null ? formatUtc(iso) : formatAgo(now - at);
  return (
    <time dateTime={iso} title={formatUtc(iso)} className={`tabular-nums ${className}`}>
      {text}
    </time>
  );
}
