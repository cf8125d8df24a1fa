// zod/mini: the browser parses the board's and the wall's URLs with this, and classic zod is ~100 KB of script.
import { z } from "zod/mini";
import { HEALTH_STATUSES, type HealthStatus } from "@/lib/shared/health-status";
import { readQueryParam, type QueryInput } from "@/lib/shared/read-query-param";

/** Region, service and status filter shared by the page URL, /api/v1/status and the stream. */
export interface StatusFilter {
  regions: string[];
  services: string[];
  statuses: HealthStatus[];
}

export const EMPTY_STATUS_FILTER: StatusFilter = { regions: [], services: [], statuses: [] };

/** Region code, or `global` for services without a region. */
const regionTokenSchema = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, "region must be a region code such as eu-west-1, or global"));
const serviceTokenSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,80}$/, "service must be a service slug such as ec2 or dynamodb-dax"));
const statusTokenSchema = z.enum(HEALTH_STATUSES, {
  error: () => `status must be one of ${HEALTH_STATUSES.join(", ")}`,
});

const MAX_LIST = 200;

/** `a,b,,c` → the distinct items, each checked by `item`; `normalise` runs on every part first. */
export function commaList<T extends z.ZodMiniType<string, string>>(item: T, maxItems: number, normalise: (value: string) => string) {
  const split = z.pipe(
    z.optional(z.string().check(z.maxLength(4000, "parameter is too long"))),
    z.transform((raw: string | undefined) =>
      raw === undefined
        ? []
        : raw
            .split(",")
            .map((part) => normalise(part.trim()))
            .filter((part) => part.length > 0),
    ),
  );
  const items = z.pipe(
    z.array(item).check(z.maxLength(maxItems, `at most ${maxItems} values`)),
    z.transform((values: z.infer<T>[]) => [...new Set(values)]),
  );
  return z.pipe(split, items);
}

const lowerCase = (value: string) => value.toLowerCase();

export const statusFilterQuerySchema = z.object({
  region: commaList(regionTokenSchema, MAX_LIST, lowerCase),
  service: commaList(serviceTokenSchema, MAX_LIST, lowerCase),
  status: commaList(statusTokenSchema, MAX_LIST, lowerCase),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function formatZodError(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}



export function parseStatusFilter(input: QueryInput): ParseResult<StatusFilter> {
  const parsed = statusFilterQuerySchema.safeParse({
    region: readQueryParam(input, "region"),
    service: readQueryParam(input, "service"),
    status: readQueryParam(input, "status"),
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  return { ok: true, value: { regions: parsed.data.region, services: parsed.data.service, statuses: parsed.data.status } };
}

export function statusFilterToSearchParams(filter: StatusFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.regions.length > 0) params.set("region", filter.regions.join(","));
  if (filter.services.length > 0) params.set("service", filter.services.join(","));
  if (filter.statuses.length > 0) params.set("status", filter.statuses.join(","));
  return params;
}

export function isEmptyStatusFilter(filter: StatusFilter): boolean {
  return filter.regions.length === 0 && filter.services.length === 0 && filter.statuses.length === 0;
}
