import type { HealthView } from "@/lib/server/sources/account-health/list-event-pages";
import { listEventPages, type EventListing } from "@/lib/server/sources/account-health/list-event-pages";
import type { SdkEvent } from "@/lib/server/sources/account-health/health-sdk-schemas";
import { syncAccountEvents } from "@/lib/server/sources/account-health/sync-account-events";
import { isEventChanged, type ChangedEvent, type TargetSyncContext } from "@/lib/server/sources/account-health/sync-context";
import { syncOrganizationEvents } from "@/lib/server/sources/account-health/sync-organization-events";

/** AWS keeps events visible for up to 90 days: a lookback at least that long is simply "everything". */
export const HEALTH_RETENTION_MS = 90 * 86_400_000;

export interface SyncWindows {
  /** initial sync: events updated within this window */
  lookbackMs: number;
  /** how often open and upcoming events are listed in full, so quiet long-lived events are kept */
  sweepMs: number;
}

export interface TargetViewCycle {
  isInitial: boolean;
  isSweep: boolean;
}

/**
 * One cycle of one view: list what was updated since the last finished cycle (minus the overlap),
 * plus open/upcoming when a sweep is due; fetch details and entities of what changed; then move the
 * cursor. Nothing changed → only the listing pages were called.
 */
export async function syncTargetView(context: TargetSyncContext, view: HealthView, windows: SyncWindows): Promise<TargetViewCycle> {
  const { sink, targetKey } = context;
  const state = await sink.getTarget(targetKey);
  const startedAt = context.now();
  const isInitial = state.cursorMs === null;
  const listing: EventListing =
    state.cursorMs !== null
      ? { kind: "updated-since", fromMs: state.cursorMs - context.overlapMs }
      : windows.lookbackMs >= HEALTH_RETENTION_MS
        ? { kind: "all" }
        : { kind: "updated-since", fromMs: startedAt - windows.lookbackMs };
  const isSweepDue = state.lastSweepAt === null || startedAt - state.lastSweepAt >= windows.sweepMs;
  // An unfiltered listing already holds every open and upcoming event.
  const isSweep = isSweepDue || listing.kind === "all";

  const changed = new Map<string, ChangedEvent>();
  // Pages arrive through a synchronous callback: they are kept, then compared with the stored stamps.
  const listed: { event: SdkEvent; isSweepListing: boolean }[] = [];
  const collect = (isSweepListing: boolean) => (events: SdkEvent[], dropped: number) => {
    context.tally.droppedItems += dropped;
    for (const event of events) listed.push({ event, isSweepListing });
  };
  await listEventPages(context, view, listing, collect(listing.kind === "all"));
  if (isSweepDue && listing.kind !== "all") await listEventPages(context, view, { kind: "statuses", statuses: ["open", "upcoming"] }, collect(true));
  const stamps = await sink.getEventStamps(targetKey, listed.flatMap(({ event }) => (event.arn ? [event.arn] : [])));
  for (const { event, isSweepListing } of listed) {
    const arn = event.arn;
    if (!arn) {
      context.tally.droppedItems += 1;
      continue;
    }
    if (changed.has(arn)) continue;
    const previous = stamps.get(arn) ?? null;
    if (isEventChanged(previous, event, isSweepListing)) changed.set(arn, { arn, listed: event, previous });
  }

  context.tally.changedEvents += changed.size;
  const events = [...changed.values()];
  if (view === "account") await syncAccountEvents(context, events);
  else await syncOrganizationEvents(context, events);

  await sink.saveTarget(targetKey, { cursorMs: startedAt, lastSweepAt: isSweep ? startedAt : state.lastSweepAt });
  return { isInitial, isSweep };
}
