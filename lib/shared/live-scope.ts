import { z } from "zod/mini";
import type { HealthStatus } from "@/lib/shared/health-status";
import {
  commaList,
  formatZodError,
  statusFilterQuerySchema,
  type ParseResult,
  type StatusFilter,
} from "@/lib/shared/status-filter";
import { readQueryParam } from "@/lib/shared/read-query-param";

/**
 * What one live screen shows, and so what its stream carries: the public board's region/service/status
 * filter, plus the account events' accounts and categories and the event type codes it mutes.
 * The same URL parameters configure a page and its stream (`region`, `service`, `status`, `account`,
 * `category`, `mute`).
 */
export interface LiveScope {
  regions: string[];
  services: string[];
  statuses: HealthStatus[];
  accounts: string[];
  categories: string[];
  mutedTypes: string[];
}

export const EMPTY_LIVE_SCOPE: LiveScope = { regions: [], services: [], statuses: [], accounts: [], categories: [], mutedTypes: [] };

const MAX_ACCOUNT_LIST = 50;

const matching = (pattern: RegExp, message: string) => z.string().check(z.regex(pattern, message));
const asWritten = (value: string) => value;

export const liveScopeQuerySchema = z.extend(statusFilterQuerySchema, {
  account: commaList(matching(/^\d{12}$/, "account must be a 12-digit AWS account id"), MAX_ACCOUNT_LIST, asWritten),
  category: commaList(matching(/^[A-Za-z]{2,40}$/, "category must be a word such as issue, scheduledChange, accountNotification"), MAX_ACCOUNT_LIST, asWritten),
  // AWS writes event type codes in upper case; a muted code is matched however the URL spells it.
  mute: commaList(matching(/^[A-Z0-9_-]{3,100}$/, "mute must be event type codes such as AWS_EC2_OPERATIONAL_ISSUE"), MAX_ACCOUNT_LIST, (value) => value.toUpperCase()),
});

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseLiveScope(input: QueryInput): ParseResult<LiveScope> {
  const parsed = liveScopeQuerySchema.safeParse({
    region: readQueryParam(input, "region"),
    service: readQueryParam(input, "service"),
    status: readQueryParam(input, "status"),
    account: readQueryParam(input, "account"),
    category: readQueryParam(input, "category"),
    mute: readQueryParam(input, "mute"),
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const value = parsed.data;
  return {
    ok: true,
    value: {
      regions: value.region,
      services: value.service,
      statuses: value.status,
      accounts: value.account,
      categories: value.category,
      mutedTypes: value.mute,
    },
  };
}

const sorted = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();

/** The scope with every list deduplicated and sorted: two spellings of one screen become one scope. */
export function normaliseLiveScope(scope: LiveScope): LiveScope {
  return {
    regions: sorted(scope.regions),
    services: sorted(scope.services),
    statuses: sorted(scope.statuses),
    accounts: sorted(scope.accounts),
    categories: sorted(scope.categories),
    mutedTypes: sorted(scope.mutedTypes),
  };
}

/** URL parameters in a stable order; empty lists are left out, so the empty scope is an empty string. */
export function liveScopeToSearchParams(scope: LiveScope): URLSearchParams {
  const params = new URLSearchParams();
  const lists: [string, readonly string[]][] = [
    ["region", scope.regions],
    ["service", scope.services],
    ["status", scope.statuses],
    ["account", scope.accounts],
    ["category", scope.categories],
    ["mute", scope.mutedTypes],
  ];
  for (const [name, values] of lists) if (values.length > 0) params.set(name, values.join(","));
  return params;
}

/** Canonical identity of a scope: equal for equal scopes whatever the order or repetition of values. */
export function liveScopeKey(scope: LiveScope): string {
  return liveScopeToSearchParams(normaliseLiveScope(scope)).toString().replaceAll("%2C", ",");
}

export function liveScopeToStatusFilter(scope: LiveScope): StatusFilter {
  return { regions: scope.regions, services: scope.services, statuses: scope.statuses };
}

/** True when nothing narrows the account events (then the stream's account part equals the unfiltered API). */
export function hasAccountFilter(scope: LiveScope): boolean {
  return (
    scope.regions.length > 0 ||
    scope.services.length > 0 ||
    scope.accounts.length > 0 ||
    scope.categories.length > 0 ||
    scope.mutedTypes.length > 0
  );
}

/** The scope of a page that shows the public board under `filter` and every account event. */
export function statusFilterToLiveScope(filter: StatusFilter): LiveScope {
  return { ...EMPTY_LIVE_SCOPE, regions: filter.regions, services: filter.services, statuses: filter.statuses };
}
