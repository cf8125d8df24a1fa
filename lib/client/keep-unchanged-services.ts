import type { ServiceStatus, StatusResponse } from "@/lib/shared/public-status-contract";

function isSameService(a: ServiceStatus, b: ServiceStatus): boolean {
  return (
    a.key === b.key &&
    a.status === b.status &&
    a.since === b.since &&
    a.name === b.name &&
    a.region === b.region &&
    a.service === b.service &&
    (a.account === b.account || JSON.stringify(a.account) === JSON.stringify(b.account))
  );
}

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
    if (a === undefined || b === undefined || !isSameService(a, b)) return next;
  }
  return { ...next, services: before };
}
