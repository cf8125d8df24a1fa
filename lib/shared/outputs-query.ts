import { z } from "zod";
import { liveScopeQuerySchema } from "@/lib/shared/live-scope";
import { readQueryParam, type QueryInput } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";

/** Filters of the feeds and the calendar, like the board's: region, service, account, category (comma lists). */
export interface OutputsFilter {
  regions: string[];
  services: string[];
  accounts: string[];
  categories: string[];
}

/** A feed token (calendar and feed readers send no headers), checked by the access seam, not here. */
const tokenParam = z.string().max(512, "token is too long").optional();

export const feedQuerySchema = z.object({
  region: liveScopeQuerySchema.shape.region,
  service: liveScopeQuerySchema.shape.service,
  account: liveScopeQuerySchema.shape.account,
  category: liveScopeQuerySchema.shape.category,
  token: tokenParam,
});

export const MAX_ALARM_MINUTES = 7 * 24 * 60;

export const calendarQuerySchema = feedQuerySchema.extend({
  /** minutes before the start for a VALARM reminder on every event */
  alarm: z
    .string()
    .regex(/^\d{1,5}$/, "alarm must be a whole number of minutes")
    .transform(Number)
    .pipe(z.number().max(MAX_ALARM_MINUTES, `alarm must be at most ${MAX_ALARM_MINUTES} minutes (a week)`))
    .optional(),
});

export interface CalendarQuery extends OutputsFilter {
  alarmMinutes: number | null;
}

const readFilter = (input: QueryInput) => ({
  region: readQueryParam(input, "region"),
  service: readQueryParam(input, "service"),
  account: readQueryParam(input, "account"),
  category: readQueryParam(input, "category"),
  token: readQueryParam(input, "token"),
});

export function parseFeedQuery(input: QueryInput): ParseResult<OutputsFilter> {
  const parsed = feedQuerySchema.safeParse(readFilter(input));
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const { region, service, account, category } = parsed.data;
  return { ok: true, value: { regions: region, services: service, accounts: account, categories: category } };
}

export function parseCalendarQuery(input: QueryInput): ParseResult<CalendarQuery> {
  const parsed = calendarQuerySchema.safeParse({ ...readFilter(input), alarm: readQueryParam(input, "alarm") });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const { region, service, account, category, alarm } = parsed.data;
  return { ok: true, value: { regions: region, services: service, accounts: account, categories: category, alarmMinutes: alarm ?? null } };
}
