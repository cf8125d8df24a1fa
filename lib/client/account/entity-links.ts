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

export function buildEntitiesApiUrl(eventId: string, offset: number, limit: number, format: "json" | "lean" = "json"): string {
  return `/api/v1/account/events/${encodeURIComponent(eventId)}/entities?offset=${offset}&limit=${limit}${format === "lean" ? "&format=lean" : ""}`;
}

/**
 * Rows per request: the API's maximum, so 50,000 rows are one request. In the lean format that page is small and
 * quick to build and to parse; the whole list in one response beats a quick small first page followed by a second
 * request that could only start once the page has hydrated.
 */
export const ENTITY_PAGE = 50_000;

/** The table's first request, so the event page can have the browser fetch it while it loads and hydrates. */
export function buildEntityPreloadUrl(eventId: string): string {
  return buildEntitiesApiUrl(eventId, 0, ENTITY_PAGE, "lean");
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
