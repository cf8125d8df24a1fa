import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { parseAccountEventId } from "@/lib/server/api/parse-account-event-id";
import { withAuthorization } from "@/lib/server/auth/authorize";
import { getAccountEvent } from "@/lib/server/services/get-account-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-account", async (principal) => {
      const id = parseAccountEventId((await context.params).id);
      if (id === null) return jsonError(400, "id must be an event id as listed by /api/v1/account/events");
      const event = await getAccountEvent(id, principal);
      if (!event) return jsonError(404, "no such event");
      return jsonBody({ event });
    }),
  );
}
