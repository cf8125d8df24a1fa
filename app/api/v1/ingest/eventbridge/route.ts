import { jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getConfig } from "@/lib/server/config/load-config";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return withErrorMapping(() => {
    const config = getConfig();
    // With a port of its own, ingest is not on this one: what the operator exposed to AWS is all that takes pushes.
    if (config.HEALTHDECK_INGEST_PORT !== undefined) return jsonError(404, "ingest is served on its own port (HEALTHDECK_INGEST_PORT), not here");
    const healthdeck = getRuntime();
    return handleIngestRequest(request, { store: healthdeck.store, config, now: healthdeck.now, logger: healthdeck.logger });
  });
}
