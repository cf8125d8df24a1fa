import type { ServiceStatus } from "@/lib/shared/public-status-contract";
import { hashText } from "@/lib/shared/hash-text";

/**
 * A digest of what the board's grid shows of each service, so the browser can tell whether the server-rendered grid
 * is behind the data the stream just brought without rendering the grid itself.
 */
export function fingerprintServices(services: readonly ServiceStatus[]): string {
  const lines = services.map((entry) => {
    const account = entry.account === null ? "" : `${entry.account.openEvents}:${entry.account.affectedResources}`;
    return `${entry.key}|${entry.name}|${entry.status}|${entry.since ?? ""}|${account}`;
  });
  return `${services.length}-${hashText(lines.join("\n"))}`;
}
