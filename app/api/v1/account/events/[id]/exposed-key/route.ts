import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { parseAccountEventId } from "@/lib/server/api/parse-account-event-id";
import { getExposedKeyView, postExposedKeyAction } from "@/lib/server/services/respond-to-exposed-key";
import { withAuthorization } from "@/lib/server/auth/authorize";
import { getAccountEvent } from "@/lib/server/services/get-account-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const BAD_ID = "id must be an event id as listed by /api/v1/account/events";

const NOT_FOUND = "no such exposed-key event (AWS_RISK_CREDENTIALS_EXPOSED)";

/** Another account's event answers 404 like an unknown one (no existence leak). */
export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-account", async (principal) => {
      const id = parseAccountEventId((await context.params).id);
      if (id === null) return jsonError(400, BAD_ID);
      if ((await getAccountEvent(id, principal)) === null) return jsonError(404, NOT_FOUND);
      const view = await getExposedKeyView(id);
      if (!view) return jsonError(404, NOT_FOUND);
      return jsonBody(view);
    }),
  );
}

/** A look-up for whoever may see the event; the deactivation is for admins (the guard checks again). */
export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-account", async (principal) => {
      const id = parseAccountEventId((await context.params).id);
      if (id === null) return jsonError(400, BAD_ID);
      if ((await getAccountEvent(id, principal)) === null) return jsonError(404, NOT_FOUND);
      const answer = await postExposedKeyAction(id, request, principal.name);
      return jsonBody(answer.body, answer.status);
    }),
  );
}
