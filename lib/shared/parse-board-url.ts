import { EMPTY_STATUS_FILTER, parseStatusFilter, type StatusFilter } from "@/lib/shared/status-filter";
import { readBoardQuery } from "@/lib/shared/board-url";

/** What the board reads from its URL: the server-side filter plus the client-only name search `q`. */
export interface BoardUrlState {
  filter: StatusFilter;
  q: string;
  /** Why the filter params were rejected; the board then shows everything. */
  error: string | null;
}

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Server side of the board URL (the browser gets the result as props and never bundles zod for it). */
export function parseBoardUrl(input: QueryInput): BoardUrlState {
  const parsed = parseStatusFilter(input);
  const q = readBoardQuery(input);
  if (parsed.ok) return { filter: parsed.value, q, error: null };
  return { filter: EMPTY_STATUS_FILTER, q, error: parsed.error };
}
