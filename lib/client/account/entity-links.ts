import type { EntityFilter } from "@/lib/client/account/entity-table-model";

/** Upstream URLs are shown as links only when they are http(s): never javascript:, data: or relative paths. */
export function readHttpUrl(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const SERVER_SORTS = new Set(["entity", "status", "account", "lastUpdated"]);

export function buildEntitiesApiUrl(eventId: string, offset: number, limit: number): string {
  return `/api/v1/account/events/${encodeURIComponent(eventId)}/entities?offset=${offset}&limit=${limit}`;
}

// A small first page paints quickly; then large pages, so 50,000 rows take two requests.
export const ENTITY_FIRST_PAGE = 5_000;
export const ENTITY_NEXT_PAGE = 50_000;

/**
 * The first page the table asks for, so the event page can have the browser fetch it while it hydrates. Only the
 * small first page: the server answers a 50,000-row page in one synchronous stretch, and the page's own scripts would
 * queue behind it.
 */
export function buildEntityPreloadUrl(eventId: string): string {
  return buildEntitiesApiUrl(eventId, 0, ENTITY_FIRST_PAGE);
}

/** The CSV download of exactly the rows the table shows (search, status filter and, where the server can, the order). */
export function buildEntitiesCsvHref(eventId: string, filter: EntityFilter): string {
  const params = new URLSearchParams({ format: "csv" });
  if (filter.q.trim() !== "") params.set("q", filter.q.trim());
  if (filter.statuses.length > 0) params.set("status", filter.statuses.join(","));
  if (SERVER_SORTS.has(filter.sort)) {
    if (filter.sort !== "entity") params.set("sort", filter.sort);
    if (filter.order !== "asc") params.set("order", filter.order);
  }
  return `/api/v1/account/events/${encodeURIComponent(eventId)}/entities?${params.toString().replaceAll("%2C", ",")}`;
}
