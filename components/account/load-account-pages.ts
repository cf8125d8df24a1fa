import "server-only";
import type { AccountEventDetail, AccountEventsResponse } from "@/lib/shared/account-health-contract";
import type { AccountEventsQuery } from "@/lib/shared/account-query";
import { parseAccountEventId } from "@/lib/server/api/parse-account-event-id";
import type { Principal } from "@/lib/server/auth/principal";
import { ACCOUNT_EVENTS_LIMIT } from "@/lib/server/services/build-account-events";
import { getAccountEvent, getAccountEvents } from "@/lib/server/services/get-account-events";
import { buildAccountEventsApiKey, EMPTY_ACCOUNT_QUERY } from "@/lib/client/account/account-log-url";
import { ALL_ACCOUNT_EVENTS_KEY } from "@/lib/client/account/fetch-account";

export interface AccountLogSnapshot {
  initial: AccountEventsResponse;
  initialKey: string;
  limit: number;
  renderedAt: number;
}

/** Below the server's row limit the browser gets every event and filters itself; at the limit the server filters. */
export async function loadAccountLog(query: AccountEventsQuery, principal: Principal): Promise<AccountLogSnapshot> {
  const renderedAt = Date.now();
  const all = await getAccountEvents(EMPTY_ACCOUNT_QUERY, principal);
  if (all.events.length < ACCOUNT_EVENTS_LIMIT) return { initial: all, initialKey: ALL_ACCOUNT_EVENTS_KEY, limit: ACCOUNT_EVENTS_LIMIT, renderedAt };
  return { initial: await getAccountEvents(query, principal), initialKey: buildAccountEventsApiKey(query), limit: ACCOUNT_EVENTS_LIMIT, renderedAt };
}

/** The event behind an /events/<id> address; null for a malformed or unknown id (the page answers 404). */
export async function loadAccountEvent(rawId: string, principal: Principal): Promise<{ event: AccountEventDetail; renderedAt: number } | null> {
  const id = parseAccountEventId(rawId);
  const event = id === null ? null : await getAccountEvent(id, principal);
  return event === null ? null : { event, renderedAt: Date.now() };
}
