import { z } from "zod";
import { checkQueryRange, optionalInstant } from "@/lib/shared/history-query";
import { readQueryParam } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";

/** Filters of the event log: /api/v1/account/events and the account pages, all in the URL. */
export interface AccountEventsQuery {
  categories: string[];
  statuses: string[];
  regions: string[];
  services: string[];
  accounts: string[];
  types: string[];
  from: string | null;
  to: string | null;
  q: string | null;
}

const list = (pattern: RegExp, message: string, max = 50) =>
  z
    .string()
    .max(4000, "parameter is too long")
    .optional()
    .transform((raw) => (raw === undefined ? [] : raw.split(",").map((part) => part.trim()).filter((part) => part.length > 0)))
    .pipe(z.array(z.string().regex(pattern, message)).max(max, `at most ${max} values`))
    .transform((values) => [...new Set(values)]);

export const accountEventsQuerySchema = z
  .object({
    category: list(/^[A-Za-z]{2,40}$/, "category must be a word such as issue, scheduledChange, accountNotification"),
    status: list(/^[A-Za-z_]{2,20}$/, "status must be a word such as open, closed, upcoming"),
    region: list(/^[a-z0-9-]{2,40}$/, "region must be a region code such as eu-west-1, or global"),
    service: list(/^[A-Za-z0-9_-]{2,40}$/, "service must be a service code such as EC2"),
    account: list(/^\d{12}$/, "account must be a 12-digit AWS account id"),
    type: list(/^[A-Za-z0-9_-]{3,100}$/, "type must be an event type code such as AWS_EC2_OPERATIONAL_ISSUE"),
    from: optionalInstant("from"),
    to: optionalInstant("to"),
    q: z
      .string()
      .max(200, "q is too long")
      .optional()
      .transform((raw) => (raw === undefined || raw.trim() === "" ? null : raw.trim())),
  })
  .superRefine(checkQueryRange);

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseAccountEventsQuery(input: QueryInput): ParseResult<AccountEventsQuery> {
  const parsed = accountEventsQuerySchema.safeParse({
    category: readQueryParam(input, "category"),
    status: readQueryParam(input, "status"),
    region: readQueryParam(input, "region"),
    service: readQueryParam(input, "service"),
    account: readQueryParam(input, "account"),
    type: readQueryParam(input, "type"),
    from: readQueryParam(input, "from"),
    to: readQueryParam(input, "to"),
    q: readQueryParam(input, "q"),
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const value = parsed.data;
  return {
    ok: true,
    value: {
      categories: value.category,
      statuses: value.status,
      regions: value.region,
      services: value.service,
      accounts: value.account,
      types: value.type,
      from: value.from,
      to: value.to,
      q: value.q,
    },
  };
}

export const ENTITY_SORTS = ["entity", "status", "account", "lastUpdated"] as const;
export const MAX_ENTITY_PAGE = 50_000;

export interface EntitiesQuery {
  offset: number;
  limit: number;
  q: string | null;
  statuses: string[];
  sort: (typeof ENTITY_SORTS)[number];
  order: "asc" | "desc";
  /** lean: the rows as dictionary-encoded columns (EntityColumnsResponse) */
  format: "json" | "csv" | "lean";
}

export const entitiesQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_ENTITY_PAGE).default(1000),
  q: z
    .string()
    .max(200, "q is too long")
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? null : raw.trim())),
  status: list(/^[A-Za-z_]{2,20}$/, "status must be an entity status such as IMPAIRED", 10),
  sort: z.enum(ENTITY_SORTS).default("entity"),
  order: z.enum(["asc", "desc"]).default("asc"),
  format: z.enum(["json", "csv", "lean"]).default("json"),
});

export function parseEntitiesQuery(input: QueryInput): ParseResult<EntitiesQuery> {
  const parsed = entitiesQuerySchema.safeParse({
    offset: readQueryParam(input, "offset"),
    limit: readQueryParam(input, "limit"),
    q: readQueryParam(input, "q"),
    status: readQueryParam(input, "status"),
    sort: readQueryParam(input, "sort"),
    order: readQueryParam(input, "order"),
    format: readQueryParam(input, "format"),
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const { status, ...rest } = parsed.data;
  return { ok: true, value: { ...rest, statuses: status.map((value) => value.toUpperCase()) } };
}
