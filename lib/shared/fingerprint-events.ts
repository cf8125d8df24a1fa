import type { PublicEvent } from "@/lib/shared/public-status-contract";
import { hashText } from "@/lib/shared/hash-text";

/**
 * A digest of everything an event card shows, so the browser can tell whether the server-rendered event list is
 * behind the data it just fetched without shipping the card components.
 */
export function fingerprintEvents(events: readonly PublicEvent[]): string {
  const lines = events.map((event) => {
    const last = event.updates.at(-1);
    const impacted = event.impactedServices.map((item) => `${item.key}:${item.status}:${item.maxStatus}`).join(",");
    const account = event.accountImpact === null ? "" : `${event.accountImpact.events.length}:${event.accountImpact.affectedResources}`;
    return [event.id, event.status, event.resolved, event.endedAt, event.summary, event.updates.length, last?.at, last?.status, impacted, account].join("|");
  });
  return `${events.length}-${hashText(lines.join("\n"))}`;
}
