import { rankStatus } from "@/lib/shared/health-status-order";
import type { ServiceStatus } from "@/lib/shared/public-status-contract";

/**
 * Case-insensitive text order, then code units: for the ASCII names, regions and ids AWS uses, the order
 * `localeCompare` gives, without its ICU collator (whose first use costs a slow phone tens of milliseconds).
 */
export function compareText(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The board's order of services, on the server and in the browser alike (the browser's fingerprint of the grid
 * depends on it): worst first, then by name and region.
 */
export function compareServices(a: ServiceStatus, b: ServiceStatus): number {
  return rankStatus(b.status) - rankStatus(a.status) || compareText(a.name, b.name) || compareText(a.region ?? "", b.region ?? "");
}
