"use client";

import { formatDuration, parseInstant } from "@/lib/client/format-time";
import { useNow } from "@/components/ui/use-now";

/** Time elapsed since `fromIso`, ticking (`3 h 12 min`); empty until a clock is known. */
export function ElapsedTime({ fromIso }: { fromIso: string }) {
  const now = useNow();
  const from = parseInstant(fromIso);
  if (now === null || from === null) return null;
  return <span className="tabular-nums">{formatDuration(now - from)}</span>;
}
