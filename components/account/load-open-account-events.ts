import "server-only";
import { cache } from "react";
import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { EMPTY_ACCOUNT_QUERY } from "@/lib/client/account/account-log-url";
import { getAccountEvents } from "@/lib/server/services/get-account-events";
import { readPagePrincipal } from "@/lib/server/auth/authorize";

export interface OpenAccountEventsSnapshot {
  /** null when the store cannot be read */
  initial: AccountEventsResponse | null;
  /** epoch ms of the read: relative times render from it until the page hydrates */
  renderedAt: number;
}

/**
 * Open and upcoming events for the panels and the banner (the same rows as OPEN_ACCOUNT_EVENTS_KEY). The banner sits
 * in the layout, and a broken account store must not take every page down, so a failed read yields null. Read once
 * per request: the layout's banner and the page's panels share it.
 */
export const loadOpenAccountEvents = cache(async function loadOpenAccountEvents(): Promise<OpenAccountEventsSnapshot> {
  const renderedAt = Date.now();
  try {
    // Whoever asks: the banner and panels of a viewer scoped to some accounts show only those accounts.
    const principal = await readPagePrincipal();
    if (!principal.grants.has("read-account")) return { initial: { sources: [], events: [] }, renderedAt };
    return { initial: await getAccountEvents({ ...EMPTY_ACCOUNT_QUERY, statuses: ["open", "upcoming"] }, principal), renderedAt };
  } catch (error) {
    console.error("healthdeck: could not read account events for the page", error instanceof Error ? error.message : error);
    return { initial: null, renderedAt };
  }
});
