import { parseDeliveriesQuery } from "@/lib/shared/notifications-contract";
import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { listDeliveries } from "@/lib/server/services/list-deliveries";
import { withAuthorization } from "@/lib/server/auth/authorize";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/notifications/deliveries?after=N&limit=M&channel=&status=: the notifications delivery log. */
/** Admin only: delivered messages quote events of every account. */
export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "admin", async () => {
      const query = parseDeliveriesQuery(new URL(request.url).searchParams);
      if (!query.ok) return jsonError(400, query.error);
      return jsonBody(await listDeliveries(getRuntime().store, query.value));
    }),
  );
}
