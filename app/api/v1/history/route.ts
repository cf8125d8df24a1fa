import { parseHistoryQuery } from "@/lib/shared/history-query";
import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getPublicHistory } from "@/lib/server/services/get-public-history";
import { withAuthorization } from "@/lib/server/auth/authorize";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-status", async () => {
      const query = parseHistoryQuery(new URL(request.url).searchParams);
      if (!query.ok) return jsonError(400, query.error);
      return jsonBody(await getPublicHistory(query.value));
    }),
  );
}
