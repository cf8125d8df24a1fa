import { parseStatusFilter } from "@/lib/shared/status-filter";
import { jsonEncoded, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getPublicStatusEncoded } from "@/lib/server/services/get-public-status";
import { withAuthorization } from "@/lib/server/auth/authorize";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-status", async () => {
      const filter = parseStatusFilter(new URL(request.url).searchParams);
      if (!filter.ok) return jsonError(400, filter.error);
      return jsonEncoded(request, await getPublicStatusEncoded(filter.value));
    }),
  );
}
