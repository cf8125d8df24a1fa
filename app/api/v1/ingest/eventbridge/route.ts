import { withErrorMapping } from "@/lib/server/api/json-response";
import { getConfig } from "@/lib/server/config/load-config";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return withErrorMapping(() => {
    const healthdeck = getRuntime();
    return handleIngestRequest(request, { store: healthdeck.store, config: getConfig(), now: healthdeck.now, logger: healthdeck.logger });
  });
}
