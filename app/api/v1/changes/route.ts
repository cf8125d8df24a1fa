import { parseChangesQuery } from "@/lib/shared/changes-contract";
import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { listChanges } from "@/lib/server/services/list-changes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/changes?after=N&limit=M (+ region, service, account, category): what changed, from the journal. */
export function GET(request: Request): Promise<Response> {
  return withErrorMapping(async () => {
    const query = parseChangesQuery(new URL(request.url).searchParams);
    if (!query.ok) return jsonError(400, query.error);
    return jsonBody(await listChanges(getRuntime().store, query.value));
  });
}
