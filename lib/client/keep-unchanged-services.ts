import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { isSameServiceStatus } from "@/lib/shared/is-same-service-status";

/**
 * `next`, with `previous.services` in place of its own when they hold the same entries in the same order. A stream
 * snapshot usually repeats what the server just rendered: keeping the array lets the board skip rebuilding and
 * re-rendering thousands of rows for nothing.
 */
export function keepUnchangedServices(previous: StatusResponse, next: StatusResponse): StatusResponse {
  if (previous.services === next.services) return next;
  const before = previous.services;
  const after = next.services;
  if (before.length !== after.length) return next;
  for (let index = 0; index < after.length; index += 1) {
    const a = before[index];
    const b = after[index];
    if (a === undefined || b === undefined || !isSameServiceStatus(a, b)) return next;
  }
  return { ...next, services: before };
}
