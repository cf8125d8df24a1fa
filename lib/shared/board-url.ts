import type { StatusFilter } from "@/lib/shared/status-filter";

// Browser code: no runtime import of zod here (it would add ~30 KB gzip to the board's first load).
// The server parses and validates the URL (lib/shared/parse-board-url.ts); this side only writes it.

const MAX_QUERY_LENGTH = 100;

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The client-only name search `q`. */
export function readBoardQuery(input: QueryInput): string {
  const raw = input instanceof URLSearchParams ? input.get("q") : input.q;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (value ?? "").slice(0, MAX_QUERY_LENGTH);
}

export function isFilterEmpty(filter: StatusFilter): boolean {
  return filter.regions.length === 0 && filter.services.length === 0 && filter.statuses.length === 0;
}

/** Query string (without `?`) in the order statusFilterToSearchParams uses: region, service, status, then q. */
export function serializeBoardUrl(filter: StatusFilter, q: string): string {
  const params = new URLSearchParams();
  if (filter.regions.length > 0) params.set("region", filter.regions.join(","));
  if (filter.services.length > 0) params.set("service", filter.services.join(","));
  if (filter.statuses.length > 0) params.set("status", filter.statuses.join(","));
  if (q.trim() !== "") params.set("q", q);
  // Commas are legal in a query and far easier to read and share than %2C.
  return params.toString().replaceAll("%2C", ",");
}

/** SWR key of the status API for a filter; `q` never reaches the server. */
export function buildStatusApiKey(filter: StatusFilter): string {
  const query = serializeBoardUrl(filter, "");
  return query === "" ? "/api/v1/status" : `/api/v1/status?${query}`;
}
