import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { hashText } from "@/lib/shared/hash-text";

/**
 * A digest of what the server-rendered account panels and security banner show, so the browser can tell whether
 * they are behind the data it holds without shipping their components. Source timestamps are left out: they move
 * every poll, and the live freshness strip shows them.
 */
export function fingerprintAccountEvents(response: AccountEventsResponse | null): string {
  if (response === null) return "unreadable";
  const events = [...response.events]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((event) =>
      [event.id, event.status, event.lastUpdatedTime, event.startTime, event.endTime, event.description, JSON.stringify(event.entityCounts)].join("|"),
    );
  const sources = response.sources.map((source) => [source.id, source.state, source.error ?? ""].join("|"));
  return `${response.events.length}-${hashText([...sources, ...events].join("\n"))}`;
}
