import { parseCalendarQuery } from "@/lib/shared/outputs-query";
import { encodedResponse } from "@/lib/server/api/encoded-response";
import { jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { authorizeOutputs, narrowOutputAccounts } from "@/lib/server/outputs-access";
import { CALENDAR_CONTENT_TYPE, getCalendar } from "@/lib/server/outputs/calendar/get-calendar";
import { readBaseUrl } from "@/lib/server/outputs/feeds/get-feed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/calendar.ics?region=&service=&account=&category=&alarm=&token=: scheduled changes as iCalendar. */
export function GET(request: Request): Promise<Response> {
  return withErrorMapping(async () => {
    const access = await authorizeOutputs(request, { need: "feeds" });
    if (access.denied) return access.denied;
    const query = parseCalendarQuery(new URL(request.url).searchParams);
    if (!query.ok) return jsonError(400, query.error);
    const filter = { ...query.value, accounts: narrowOutputAccounts(access, query.value.accounts) };
    return encodedResponse(request, await getCalendar(filter, readBaseUrl(request)), CALENDAR_CONTENT_TYPE);
  });
}
