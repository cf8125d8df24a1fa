import type { ServiceStatus } from "@/lib/shared/public-status-contract";

/** True when two entries of the board would look the same: one comparison for the stream's diffs and the browser. */
export function isSameServiceStatus(a: ServiceStatus, b: ServiceStatus): boolean {
  return (
    a.key === b.key &&
    a.status === b.status &&
    a.since === b.since &&
    a.name === b.name &&
    a.service === b.service &&
    a.region === b.region &&
    a.account?.openEvents === b.account?.openEvents &&
    a.account?.affectedResources === b.account?.affectedResources
  );
}
