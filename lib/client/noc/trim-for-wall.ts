import type { PublicEvent, StatusResponse } from "@/lib/shared/public-status-contract";
import type { NocAccountInput } from "@/lib/client/noc/build-noc-model";

/** The server-rendered first picture: only what the wall draws, so the page stays small at AWS scale. */
export interface WallInitialData {
  status: StatusResponse;
  account: NocAccountInput;
  /** service-regions in scope, before operational ones were dropped */
  serviceCount: number;
}

const trimEvent = (event: PublicEvent): PublicEvent => ({ ...event, updates: event.updates.slice(-1), accountImpact: null });

/**
 * Drops what the wall never shows: operational services (it counts them), resolved public events, older
 * updates, closed account events and long descriptions. The model built from it equals the full one.
 */
export function trimForWall(status: StatusResponse, account: NocAccountInput): WallInitialData {
  return {
    status: {
      ...status,
      services: status.services.filter((service) => service.status !== "operational"),
      events: status.events.filter((event) => !event.resolved).map(trimEvent),
    },
    account: {
      sources: account.sources,
      events: account.events.filter((event) => event.status !== "closed").map((event) => ({ ...event, description: "", metadata: {} })),
    },
    serviceCount: status.services.length,
  };
}
