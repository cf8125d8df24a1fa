import type { SourceHealth, SourceState } from "@/lib/shared/public-status-contract";
import { parseInstant } from "@/lib/client/format-time";

export type SourceDisplayState = SourceState;

// A source the server still calls "ok" is shown stale in the browser once its last success is this far behind
// its interval: the page itself may have stopped refreshing (server down, laptop asleep).
const GRACE_INTERVALS = 3;
const GRACE_MS = 60_000;

/** What the freshness bar shows for a source at `now` (epoch ms; null = trust the server's state). */
export function judgeSource(source: SourceHealth, now: number | null): SourceDisplayState {
  if (source.state !== "ok") return source.state;
  const lastSuccess = source.lastSuccessAt === null ? null : parseInstant(source.lastSuccessAt);
  if (lastSuccess === null) return "stale";
  if (now === null) return "ok";
  const limit = source.intervalSeconds * 1000 * GRACE_INTERVALS + GRACE_MS;
  return now - lastSuccess > limit ? "stale" : "ok";
}

/** Data is not flowing: the board may be out of date. `disabled` is a deliberate choice, not a problem. */
export function isProblemState(state: SourceDisplayState): boolean {
  return state !== "ok" && state !== "disabled";
}
