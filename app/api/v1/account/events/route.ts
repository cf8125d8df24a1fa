import { parseAccountEventsQuery } from "@/lib/shared/account-query";
import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { withAuthorization } from "@/lib/server/auth/authorize";
import { getAccountEvents } from "@/lib/server/services/get-account-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-account", async (principal) => {
      const query = parseAccountEventsQuery(new URL(request.url).searchParams);
      if (!query.ok) return jsonError(400, query.error);
      return jsonBody(await getAccountEvents(query.value, principal));
    }),
  );
}
