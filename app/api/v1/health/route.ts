import { jsonBody, jsonError } from "@/lib/server/api/json-response";
import { getProcessHealth } from "@/lib/server/services/get-process-health";
import { createLogger } from "@/lib/server/logging/create-logger";

const healthLogger = createLogger();

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** For load balancers: 200 while this process and its database work, 503 otherwise. */
export async function GET(): Promise<Response> {
  try {
    return jsonBody(await getProcessHealth());
  } catch (error) {
    // The cause may quote the database URL or a path: it goes to the log, not to whoever asks.
    healthLogger.error("health check failed", { error: error instanceof Error ? error.message : String(error) });
    return jsonError(503, "unhealthy: the database does not answer");
  }
}
