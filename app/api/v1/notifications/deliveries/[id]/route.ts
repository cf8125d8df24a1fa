import { parseDeliveryId } from "@/lib/shared/notifications-contract";
import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { getDeliveryDetail } from "@/lib/server/services/list-deliveries";
import { withAuthorization } from "@/lib/server/auth/authorize";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/notifications/deliveries/<id>: one delivery, its attempts and its rendered payload. Admin only, like the log. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "admin", async () => {
      const id = parseDeliveryId((await context.params).id);
      if (!id.ok) return jsonError(400, id.error);
      const detail = await getDeliveryDetail(getRuntime().store, id.value);
      if (!detail) return jsonError(404, `no delivery has the id ${id.value}`);
      return jsonBody(detail);
    }),
  );
}
