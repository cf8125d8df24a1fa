import "server-only";
import type { AccountEventsQuery } from "@/lib/shared/account-query";
import type { AccountEventDetail, AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildAccountEventDetail, buildAccountEvents } from "@/lib/server/services/build-account-events";

export function getAccountEvents(query: AccountEventsQuery): Promise<AccountEventsResponse> {
  const runtime = getRuntime();
  return buildAccountEvents(runtime, query, runtime.now());
}

export function getAccountEvent(id: string): Promise<AccountEventDetail | null> {
  return buildAccountEventDetail(getRuntime(), id);
}
