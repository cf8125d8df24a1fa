import { formatAgo, formatDuration } from "@/lib/client/format-time";

/** `starts in 3 d 4 h` before the start, `started 2 h ago` after it. */
export function formatCountdown(startMs: number, nowMs: number): string {
  const ahead = startMs - nowMs;
  if (ahead > 0) return `starts in ${formatDuration(ahead)}`;
  const ago = formatAgo(-ahead);
  return ago === "just now" ? "started just now" : `started ${ago}`;
}
