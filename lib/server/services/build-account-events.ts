import type { AccountEventsQuery } from "@/lib/shared/account-query";
import type { AccountEventDetail, AccountEventsResponse } from "@/lib/shared/account-health-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";

export const ACCOUNT_EVENTS_LIMIT = 5000;

const toMs = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** The event log: every stored account event matching the query, most recently updated first. */
export async function buildAccountEvents(runtime: HealthdeckRuntime, query: AccountEventsQuery, nowMs: number): Promise<AccountEventsResponse> {
  const events = await runtime.store.accountEvents.listEvents({
    categories: query.categories,
    statuses: query.statuses,
    regions: query.regions,
    services: query.services,
    accounts: query.accounts,
    eventTypeCodes: query.types,
    from: toMs(query.from),
    to: toMs(query.to),
    search: query.q,
    limit: ACCOUNT_EVENTS_LIMIT,
  });
  const sources = (await listSourceHealth(runtime, nowMs)).filter((source) => source.id.startsWith("account"));
  return { sources, events };
}

export async function buildAccountEventDetail(runtime: HealthdeckRuntime, id: string): Promise<AccountEventDetail | null> {
  const event = await runtime.store.accountEvents.getById(id);
  if (!event) return null;
  return { ...event, updates: await runtime.store.accountEvents.listUpdates(id) };
}
