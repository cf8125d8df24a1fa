import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { parseAccountEventId } from "@/lib/server/api/parse-account-event-id";
import { getAccountEvent } from "@/lib/server/services/get-account-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(async () => {
    const id = parseAccountEventId((await context.params).id);
    if (id === null) return jsonError(400, "id must be an event id as listed by /api/v1/account/events");
    const event = await getAccountEvent(id);
    if (!event) return jsonError(404, "no such event");
    return jsonBody({ event });
  });
}
