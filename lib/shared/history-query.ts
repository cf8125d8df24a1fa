import { z } from "zod";
import { readQueryParam } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";

/** Query of /api/v1/history and the /history page. Dates are ISO 8601 (a bare date means 00:00 UTC). */
export interface HistoryQuery {
  service: string | null;
  region: string | null;
  from: string | null;
  to: string | null;
}

const optionalToken = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? null : raw.trim().toLowerCase()))
    .refine((value) => value === null || pattern.test(value), message);

/** An optional ISO 8601 date or date-time query parameter, normalised to an ISO instant (null when absent). */
export const optionalInstant = (name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return null;
      const ms = Date.parse(raw.trim());
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: "custom", message: `${name} must be an ISO 8601 date or date-time` });
        return z.NEVER;
      }
      return new Date(ms).toISOString();
    });

/** Longest window a list route serves when both ends are given: a year (and a day, for leap years). */
export const MAX_QUERY_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

/** Both ends given: the window is in order and at most MAX_QUERY_RANGE_DAYS long (zod issues on `to`). */
export function checkQueryRange(query: { from: string | null; to: string | null }, ctx: z.RefinementCtx): void {
  if (query.from === null || query.to === null) return;
  if (query.from > query.to) {
    ctx.addIssue({ code: "custom", message: "from must not be after to" });
    return;
  }
  if (Date.parse(query.to) - Date.parse(query.from) > MAX_QUERY_RANGE_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `from and to may be at most ${MAX_QUERY_RANGE_DAYS} days apart; ask for one year at a time` });
  }
}

export const historyQuerySchema = z
  .object({
    service: optionalToken(/^[a-z0-9][a-z0-9._-]{0,80}$/, "service must be a service slug such as ec2"),
    region: optionalToken(/^[a-z0-9-]{2,40}$/, "region must be a region code such as eu-west-1, or global"),
    from: optionalInstant("from"),
    to: optionalInstant("to"),
  })
  .superRefine(checkQueryRange);

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseHistoryQuery(input: QueryInput): ParseResult<HistoryQuery> {
  const parsed = historyQuerySchema.safeParse({
    service: readQueryParam(input, "service"),
    region: readQueryParam(input, "region"),
    from: readQueryParam(input, "from"),
    to: readQueryParam(input, "to"),
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  return { ok: true, value: parsed.data };
}
