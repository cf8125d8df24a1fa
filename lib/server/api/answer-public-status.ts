import "server-only";
import { parseStatusFilter } from "@/lib/shared/status-filter";
import { jsonEncoded, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getPublicStatusEncoded } from "@/lib/server/services/get-public-status";
import { withAuthorization } from "@/lib/server/auth/authorize";

export const PUBLIC_STATUS_PATH = "/api/v1/status";

/** GET /api/v1/status: the public board's document, encoded once per change, 304 for a client that holds it. */
export function answerPublicStatus(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-status", async () => {
      const filter = parseStatusFilter(new URL(request.url).searchParams);
      if (!filter.ok) return jsonError(400, filter.error);
      return jsonEncoded(request, await getPublicStatusEncoded(filter.value));
    }),
  );
}

/**
 * The same answer given in the proxy when it is a 304: repeat clients of the status document are most of its traffic,
 * and a 304 needs nothing the route adds, so Next's route pipeline is skipped for them. Everything else (a 200, a
 * refusal, an error) is left to the route, which answers it the same way. Null: not such a request, or not a 304.
 */
export async function answerPublicStatusRevalidation(request: Request): Promise<Response | null> {
  if (request.method !== "GET" || !request.headers.has("if-none-match") || new URL(request.url).pathname !== PUBLIC_STATUS_PATH) return null;
  const response = await answerPublicStatus(request);
  if (response.status !== 304) return null;
  // A 304 repeats the 200's Vary, and Next adds these to every route's answer (tests/e2e/edge-headers.spec.ts compares).
  response.headers.set("Vary", NEXT_ROUTE_VARY);
  return response;
}

const NEXT_ROUTE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
