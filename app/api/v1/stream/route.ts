import { withErrorMapping } from "@/lib/server/api/json-response";
import { getStreamHub } from "@/lib/server/hub/get-stream-hub";
import { handleStreamRequest } from "@/lib/server/hub/handle-stream-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() => handleStreamRequest(request, getStreamHub()));
}
