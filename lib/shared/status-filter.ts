import { z } from "zod";
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
const regionTokenSchema = z
  .string()
  .regex(/^[a-z0-9-]{2,40}$/, "region must be a region code such as eu-west-1, or global");
const serviceTokenSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,80}$/, "service must be a service slug such as ec2 or dynamodb-dax");
const statusTokenSchema = z.enum(HEALTH_STATUSES, {
  error: () => `status must be one of ${HEALTH_STATUSES.join(", ")}`,
});

const MAX_LIST = 200;

function commaList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .string()
    .max(4000, "parameter is too long")
    .optional()
    .transform((raw) =>
      raw === undefined
        ? []
        : raw
            .split(",")
            .map((part) => part.trim().toLowerCase())
            .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).max(MAX_LIST, `at most ${MAX_LIST} values`))
    .transform((values) => [...new Set(values)] as z.infer<T>[]);
}

export const statusFilterQuerySchema = z.object({
  region: commaList(regionTokenSchema),
  service: commaList(serviceTokenSchema),
  status: commaList(statusTokenSchema),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function formatZodError(error: z.ZodError): string {
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
