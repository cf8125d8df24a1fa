import "server-only";
import type { CalendarQuery } from "@/lib/shared/outputs-query";
import { encodeJson, type EncodedJson } from "@/lib/server/api/encoded-json";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { createVersionCache } from "@/lib/server/outputs/cache-by-store-version";
import { buildCalendar } from "@/lib/server/outputs/calendar/build-calendar";
import { describeOutputsFilter } from "@/lib/server/outputs/feeds/get-feed";
import { readOutputEvents } from "@/lib/server/outputs/feeds/read-output-events";

const CALENDAR_WINDOW_MS = 90 * 24 * 3600 * 1000;
const CALENDAR_EVENT_LIMIT = 2000;
const cache = createVersionCache<EncodedJson>();

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** Scheduled changes overlapping the last 90 days and everything announced ahead, once per store version and query. */
export function getCalendar(query: CalendarQuery, baseUrl: string): Promise<EncodedJson> {
  const runtime = getRuntime();
  return cache(runtime, `${baseUrl} ${describeOutputsFilter(query)} alarm=${query.alarmMinutes ?? ""}`, async () => {
    const events = await readOutputEvents(runtime, query, {
      sinceMs: runtime.now() - CALENDAR_WINDOW_MS,
      limit: CALENDAR_EVENT_LIMIT,
      accountCategories: ["scheduledChange"],
      withAccountUpdates: true,
    });
    return encodeJson(buildCalendar(events, { baseUrl, catalog: runtime.getCatalog(), alarmMinutes: query.alarmMinutes }));
  });
}
