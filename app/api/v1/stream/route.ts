import { withErrorMapping } from "@/lib/server/api/json-response";
import { readClientView } from "@/lib/server/edge/client-address";
import { getEdgeSettings } from "@/lib/server/edge/edge-settings";
import { getStreamHub } from "@/lib/server/hub/get-stream-hub";
import { handleStreamRequest } from "@/lib/server/hub/handle-stream-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() => {
    const edge = getEdgeSettings();
    const client = readClientView(request.headers, edge.isTrustedProxy).address;
    return handleStreamRequest(request, getStreamHub(), { acquireSlot: () => edge.streamSlots.acquire(client) });
  });
}
