import { canSeeAccount, type AccountScope } from "@/lib/server/auth/principal";
import type { NormalizedHealthEvent } from "@/lib/server/sources/eventbridge/normalize-health-event";
import type { RejectedEvent } from "@/lib/server/sources/eventbridge/parse-eventbridge-payload";

export interface LimitedEvents {
  events: NormalizedHealthEvent[];
  indexes: number[];
  refused: RejectedEvent[];
}

/**
 * An API token limited to accounts writes only those accounts' events: each other event is refused by its position,
 * with the reason, and the rest go on to be stored (a push is never silently thinned).
 */
export function limitIngestAccounts(accounts: AccountScope, events: readonly NormalizedHealthEvent[], indexes: readonly number[]): LimitedEvents {
  const limited: LimitedEvents = { events: [], indexes: [], refused: [] };
  events.forEach((event, position) => {
    const index = indexes[position] ?? position;
    if (canSeeAccount({ accounts }, event.record.accountId)) {
      limited.events.push(event);
      limited.indexes.push(index);
      return;
    }
    limited.refused.push({ index, error: `not stored: this API token may ingest only its own accounts, and this event is for account ${event.record.accountId}` });
  });
  return limited;
}
