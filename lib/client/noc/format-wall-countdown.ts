import { formatAgo, formatDuration } from "@/lib/client/format-time";

const pad = (value: number) => String(value).padStart(2, "0");

/** `in 3 d 4 h`, `in 2 h 5 min`, `in 04:59` in the last hour (ticking), then `started 3 min ago`. */
export function formatWallCountdown(startMs: number, nowMs: number): string {
  const ahead = startMs - nowMs;
  if (ahead <= 0) {
    const ago = formatAgo(-ahead);
    return ago === "just now" ? "starting now" : `started ${ago}`;
  }
  if (ahead >= 3600_000) return `in ${formatDuration(ahead)}`;
  const seconds = Math.ceil(ahead / 1000);
  return `in ${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}
