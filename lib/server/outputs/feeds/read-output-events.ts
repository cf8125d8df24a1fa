import type { AccountEvent, AccountEventUpdate } from "@/lib/shared/account-health-contract";
import type { OutputsFilter } from "@/lib/shared/outputs-query";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";

export interface AccountEventWithUpdates extends AccountEvent {
  /** newest first */
  updates: AccountEventUpdate[];
}

export interface OutputEvents {
  publicEvents: StoredPublicEvent[];
  accountEvents: AccountEventWithUpdates[];
}

const REGION_GLOBAL = "global";

/** AWS names announced public maintenance in the event type code of its ARN (…/AWS_EC2_SCHEDULED_MAINTENANCE/…). */
export function isPublicMaintenance(event: Pick<StoredPublicEvent, "arn">): boolean {
  const typeCode = event.arn?.split("/")[2] ?? "";
  return /MAINTENANCE|SCHEDULED/i.test(typeCode);
}

/** Public events have no category of AWS's: announced maintenance counts as a scheduled change, the rest as issues. */
export function categoryOfPublicEvent(event: Pick<StoredPublicEvent, "arn">): string {
  return isPublicMaintenance(event) ? "scheduledChange" : "issue";
}

const matches = (wanted: readonly string[], value: string | null) => wanted.length === 0 || wanted.includes((value ?? REGION_GLOBAL).toLowerCase());

/**
 * Like the board: lists are OR within a dimension and AND across them, compared case-insensitively (board services
 * are slugs such as `ec2`, account events say `EC2`). Public events concern every account: an account filter keeps them.
 */
export function isPublicEventInFilter(event: StoredPublicEvent, filter: OutputsFilter): boolean {
  return (
    matches(filter.regions, event.region) &&
    matches(filter.services, event.service) &&
    matches(filter.categories.map((category) => category.toLowerCase()), categoryOfPublicEvent(event))
  );
}

export function isAccountEventInFilter(event: AccountEvent, filter: OutputsFilter): boolean {
  return (
    matches(filter.regions, event.region) &&
    matches(filter.services.map((service) => service.toLowerCase()), event.service) &&
    matches(filter.categories.map((category) => category.toLowerCase()), event.category) &&
    (filter.accounts.length === 0 || (event.accountId !== null && filter.accounts.includes(event.accountId)))
  );
}

/** Events of the window (newest first, at most `limit` of each kind) that the filter keeps, with their updates. */
export async function readOutputEvents(
  runtime: HealthdeckRuntime,
  filter: OutputsFilter,
  options: { sinceMs: number; limit: number; accountCategories?: readonly string[]; withAccountUpdates: boolean },
): Promise<OutputEvents> {
  const { store } = runtime;
  const [history, listed] = await Promise.all([
    store.events.listHistory({ fromSeconds: Math.floor(options.sinceMs / 1000), toSeconds: null, limit: options.limit * 4 }),
    store.accountEvents.listEvents({
      categories: options.accountCategories ?? [],
      statuses: [],
      regions: [],
      services: [],
      accounts: filter.accounts,
      eventTypeCodes: [],
      from: options.sinceMs,
      to: null,
      search: null,
      limit: options.limit * 4,
    }),
  ]);
  const publicEvents = history.filter((event) => isPublicEventInFilter(event, filter)).slice(0, options.limit);
  const kept = listed.filter((event) => isAccountEventInFilter(event, filter)).slice(0, options.limit);
  const accountEvents = await Promise.all(
    kept.map(async (event) => ({ ...event, updates: options.withAccountUpdates ? await store.accountEvents.listUpdates(event.id) : [] })),
  );
  return { publicEvents, accountEvents };
}
