import type { AccountWorld } from "@/lib/simulator/account-world";

/**
 * When a looping demo replays its scenario, the previous loop's events stay in the fresh world, closed now, so a
 * poller sees them close (AWS keeps events for 90 days) instead of holding them open forever. Events last updated
 * more than `retainMs` ago are dropped so a long-running demo does not grow without bound.
 */
export function carryOverAccountEvents(previous: AccountWorld, next: AccountWorld, nowMs: number, retainMs = 3_600_000): number {
  let carried = 0;
  for (const [arn, event] of previous.events) {
    if (next.events.has(arn) || nowMs - event.lastUpdatedMs > retainMs) continue;
    if (event.statusCode !== "closed") {
      event.statusCode = "closed";
      event.endMs = event.endMs !== null && event.endMs <= nowMs ? event.endMs : nowMs;
      event.lastUpdatedMs = Math.max(event.lastUpdatedMs + 1, nowMs);
    }
    next.events.set(arn, event);
    carried += 1;
  }
  if (carried > 0) next.version += 1;
  return carried;
}
