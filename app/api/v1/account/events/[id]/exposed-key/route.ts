import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { parseAccountEventId } from "@/lib/server/api/parse-account-event-id";
import { getExposedKeyView, postExposedKeyAction } from "@/lib/server/services/respond-to-exposed-key";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const BAD_ID = "id must be an event id as listed by /api/v1/account/events";

export function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(async () => {
    const id = parseAccountEventId((await context.params).id);
    if (id === null) return jsonError(400, BAD_ID);
    const view = await getExposedKeyView(id);
    if (!view) return jsonError(404, "no such exposed-key event (AWS_RISK_CREDENTIALS_EXPOSED)");
    return jsonBody(view);
  });
}

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(async () => {
    const id = parseAccountEventId((await context.params).id);
    if (id === null) return jsonError(400, BAD_ID);
    const answer = await postExposedKeyAction(id, request);
    return jsonBody(answer.body, answer.status);
  });
}
