import { z } from "zod";
import { wholeNumberParam } from "@/lib/shared/whole-number-param";
import { liveScopeQuerySchema } from "@/lib/shared/live-scope";
import { readQueryParam, type QueryInput } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";

export const CHANGES_MAX_LIMIT = 1000;
export const CHANGES_DEFAULT_LIMIT = 100;

/** `GET /api/v1/changes`: the journal from an id, filtered like the board. */
export interface ChangesQuery {
  after: number;
  limit: number;
  regions: string[];
  services: string[];
  accounts: string[];
  categories: string[];
}

export const changesQuerySchema = z.object({
  after: wholeNumberParam("after", 0, Number.MAX_SAFE_INTEGER),
  limit: wholeNumberParam("limit", CHANGES_DEFAULT_LIMIT, CHANGES_MAX_LIMIT).pipe(z.number().min(1, "limit must be at least 1")),
  region: liveScopeQuerySchema.shape.region,
  service: liveScopeQuerySchema.shape.service,
  account: liveScopeQuerySchema.shape.account,
  category: liveScopeQuerySchema.shape.category,
});

export function parseChangesQuery(input: QueryInput): ParseResult<ChangesQuery> {
  const parsed = changesQuerySchema.safeParse({
    after: readQueryParam(input, "after"),
    limit: readQueryParam(input, "limit"),
    region: readQueryParam(input, "region"),
    service: readQueryParam(input, "service"),
    account: readQueryParam(input, "account"),
    category: readQueryParam(input, "category"),
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const value = parsed.data;
  return { ok: true, value: { after: value.after, limit: value.limit, regions: value.region, services: value.service, accounts: value.account, categories: value.category } };
}

export const changeSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  subject: z.object({
    eventId: z.string().optional(),
    arn: z.string().optional(),
    key: z.string().optional(),
    accountId: z.string().optional(),
    sourceId: z.string().optional(),
  }),
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Change = z.infer<typeof changeSchema>;

export const changesResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** pass as `after` next time; equals `after` when nothing new matched */
  nextAfter: z.number().int(),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
