import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { AccountEventsQuery } from "@/lib/shared/account-query";
import { liveScopeToStatusFilter, type LiveScope } from "@/lib/shared/live-scope";
import type { StreamSnapshot } from "@/lib/shared/stream-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { ACCOUNT_EVENTS_LIMIT, buildAccountEvents } from "@/lib/server/services/build-account-events";
import { buildPublicStatus } from "@/lib/server/services/build-public-status";
import { maskScoped } from "@/lib/server/auth/scope-account-data";

const CLOSED_WINDOW_MS = 24 * 3600 * 1000;

const sortTime = (event: AccountEvent) => Date.parse(event.lastUpdatedTime ?? event.startTime ?? "") || 0;

const OPEN_STATUSES = new Set(["open", "upcoming"]);

/**
 * Account events a live screen shows: open and upcoming ones (the same rows as the event API with the
 * scope's filters), any other status AWS may add, those closed in the last 24 h, minus muted event
 * types. Most recently updated first.
 */
export async function buildLiveAccount(runtime: HealthdeckRuntime, scope: LiveScope, nowMs: number): Promise<StreamSnapshot["account"]> {
  const query: AccountEventsQuery = {
    categories: scope.categories,
    statuses: ["open", "upcoming"],
    regions: scope.regions,
    services: scope.services,
    accounts: scope.accounts,
    types: [],
    from: null,
    to: null,
    q: null,
  };
  const open = await buildAccountEvents(runtime, query, nowMs);
  const closedSince = nowMs - CLOSED_WINDOW_MS;
  const others = (await runtime.store.accountEvents
    .listEvents({ ...query, statuses: [], eventTypeCodes: [], from: closedSince, to: null, search: null, limit: ACCOUNT_EVENTS_LIMIT }))
    .filter((event) => !OPEN_STATUSES.has(event.status))
    .filter((event) => event.status !== "closed" || (Date.parse(event.endTime ?? event.lastUpdatedTime ?? "") || 0) >= closedSince);
  const muted = new Set(scope.mutedTypes);
  const events = [...open.events, ...others]
    .filter((event) => !muted.has(event.eventTypeCode.toUpperCase()))
    .sort((a, b) => sortTime(b) - sortTime(a));
  // A scope limited to some accounts (a scoped viewer's, or an account filter) shows no other account's id in source errors.
  const sources = scope.accounts.length > 0 ? maskScoped({ accounts: scope.accounts }, open.sources) : open.sources;
  return { sources, events };
}

/** Everything one scope's screen shows, at the store's current version. */
export async function buildScopeSnapshot(runtime: HealthdeckRuntime, scope: LiveScope, nowMs: number): Promise<StreamSnapshot> {
  const version = runtime.store.version;
  const [status, account] = await Promise.all([buildPublicStatus(runtime, liveScopeToStatusFilter(scope), nowMs), buildLiveAccount(runtime, scope, nowMs)]);
  return { version, status, account };
}
