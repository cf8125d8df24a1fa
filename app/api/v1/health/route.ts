import { jsonBody, jsonError } from "@/lib/server/api/json-response";
import { authorize } from "@/lib/server/auth/authorize";
import { createLogger } from "@/lib/server/logging/create-logger";
import { getProcessHealth } from "@/lib/server/services/get-process-health";

const healthLogger = createLogger();

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * For load balancers: 200 while this process and its database work, 503 otherwise, with status and role only.
 * The details (source errors quote account ids and role ARNs) need a signed-in admin or an admin token.
 */
export async function GET(request: Request): Promise<Response> {
  let health;
  try {
    health = await getProcessHealth();
  } catch (error) {
    // The cause may quote the database URL or a path: it goes to the log, not to whoever asks.
    healthLogger.error("health check failed", { error: error instanceof Error ? error.message : String(error) });
    return jsonError(503, "unhealthy: the database does not answer");
  }
  const auth = await authorize(request, { need: "admin" });
  if (!auth.ok) return jsonBody({ status: health.status, role: health.role });
  return jsonBody(health);
}
