import { parseAccountEventsQuery, type AccountEventsQuery } from "@/lib/shared/account-query";
import { readQueryParam } from "@/lib/shared/read-query-param";

export const LOG_SORTS = ["updated-desc", "updated-asc", "start-desc", "start-asc"] as const;
export type LogSort = (typeof LOG_SORTS)[number];
export const DEFAULT_LOG_SORT: LogSort = "updated-desc";

/** The event log's form, as the URL carries it (dates as typed: `2026-11-27`). */
export interface AccountLogState {
  categories: string[];
  statuses: string[];
  regions: string[];
  services: string[];
  accounts: string[];
  types: string[];
  from: string;
  to: string;
  q: string;
  sort: LogSort;
}

export const EMPTY_LOG_STATE: AccountLogState = {
  categories: [],
  statuses: [],
  regions: [],
  services: [],
  accounts: [],
  types: [],
  from: "",
  to: "",
  q: "",
  sort: DEFAULT_LOG_SORT,
};

export interface AccountLogUrl {
  state: AccountLogState;
  /** what the events are filtered by; a bare `to` date covers that whole day */
  query: AccountEventsQuery;
  /** why the URL's filter was rejected; the log then shows everything */
  error: string | null;
}

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export const EMPTY_ACCOUNT_QUERY: AccountEventsQuery = {
  categories: [],
  statuses: [],
  regions: [],
  services: [],
  accounts: [],
  types: [],
  from: null,
  to: null,
  q: null,
};

function readSort(input: QueryInput): LogSort {
  const raw = readQueryParam(input, "sort");
  return LOG_SORTS.find((sort) => sort === raw) ?? DEFAULT_LOG_SORT;
}

export function parseAccountLogUrl(input: QueryInput): AccountLogUrl {
  const sort = readSort(input);
  const parsed = parseAccountEventsQuery(input);
  if (!parsed.ok) return { state: { ...EMPTY_LOG_STATE, sort }, query: EMPTY_ACCOUNT_QUERY, error: parsed.error };
  const rawTo = (readQueryParam(input, "to") ?? "").trim();
  const query = parsed.value;
  const to = query.to !== null && BARE_DATE.test(rawTo) ? new Date(Date.parse(query.to) + DAY_MS - 1).toISOString() : query.to;
  const rawFrom = (readQueryParam(input, "from") ?? "").trim();
  const state: AccountLogState = {
    categories: query.categories,
    statuses: query.statuses,
    regions: query.regions,
    services: query.services,
    accounts: query.accounts,
    types: query.types,
    from: rawFrom,
    to: rawTo,
    q: query.q ?? "",
    sort,
  };
  return { state, query: { ...query, to }, error: null };
}

/** Query string without `?`, in a stable order, with readable commas. */
export function serializeAccountLogState(state: AccountLogState): string {
  const params = new URLSearchParams();
  const lists: [string, string[]][] = [
    ["category", state.categories],
    ["status", state.statuses],
    ["region", state.regions],
    ["service", state.services],
    ["account", state.accounts],
    ["type", state.types],
  ];
  for (const [name, values] of lists) if (values.length > 0) params.set(name, values.join(","));
  if (state.from.trim() !== "") params.set("from", state.from.trim());
  if (state.to.trim() !== "") params.set("to", state.to.trim());
  if (state.q.trim() !== "") params.set("q", state.q.trim());
  if (state.sort !== DEFAULT_LOG_SORT) params.set("sort", state.sort);
  return params.toString().replaceAll("%2C", ",");
}

export function buildAccountLogHref(state: AccountLogState): string {
  const search = serializeAccountLogState(state);
  return search === "" ? "/account/events" : `/account/events?${search}`;
}

export function isFilteredLogState(state: AccountLogState): boolean {
  return serializeAccountLogState({ ...state, sort: DEFAULT_LOG_SORT }) !== "";
}

/** SWR key of /api/v1/account/events for a query, times as ISO instants (so a bare `to` keeps covering its day). */
export function buildAccountEventsApiKey(query: AccountEventsQuery): string {
  const params = new URLSearchParams();
  const lists: [string, string[]][] = [
    ["category", query.categories],
    ["status", query.statuses],
    ["region", query.regions],
    ["service", query.services],
    ["account", query.accounts],
    ["type", query.types],
  ];
  for (const [name, values] of lists) if (values.length > 0) params.set(name, values.join(","));
  if (query.from !== null) params.set("from", query.from);
  if (query.to !== null) params.set("to", query.to);
  if (query.q !== null) params.set("q", query.q);
  const search = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return search === "" ? "/api/v1/account/events" : `/api/v1/account/events?${search}`;
}
