import type { AccountEventDetail, AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { fetchValidatedJson } from "@/lib/client/fetch-status-response";

/** Open and upcoming events: what the panels and the security banner show. One SWR key, so one request per refresh. */
export const OPEN_ACCOUNT_EVENTS_KEY = "/api/v1/account/events?status=open,upcoming";
export const ALL_ACCOUNT_EVENTS_KEY = "/api/v1/account/events";
export const ACCOUNT_REFRESH_MS = 30_000;

// Schemas load with the first refresh, not with the page: the banner is on every page, and zod is a large share of
// the first-load budget (see fetch-status-response.ts).
const loadEventsSchema = () => import("@/lib/shared/account-health-contract").then((contract) => contract.accountEventsResponseSchema);
const loadEventSchema = () => import("@/lib/shared/account-health-contract").then((contract) => contract.accountEventResponseSchema);

export function fetchAccountEvents(url: string): Promise<AccountEventsResponse> {
  return fetchValidatedJson(url, loadEventsSchema);
}

export function buildAccountEventKey(id: string): string {
  return `/api/v1/account/events/${encodeURIComponent(id)}`;
}

export async function fetchAccountEvent(url: string): Promise<AccountEventDetail> {
  return (await fetchValidatedJson(url, loadEventSchema)).event;
}
