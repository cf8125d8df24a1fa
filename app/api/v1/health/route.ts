import { jsonBody, jsonError } from "@/lib/server/api/json-response";
import { getProcessHealth } from "@/lib/server/services/get-process-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** For load balancers: 200 while this process and its database work, 503 otherwise. */
export async function GET(): Promise<Response> {
  try {
    return jsonBody(await getProcessHealth());
  } catch (error) {
    return jsonError(503, `unhealthy: ${error instanceof Error ? error.message : String(error)}`);
  }
}
