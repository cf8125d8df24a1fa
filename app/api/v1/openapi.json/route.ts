import { jsonBody, withErrorMapping } from "@/lib/server/api/json-response";
import { buildOpenApiDocument } from "@/lib/server/api/openapi/build-openapi-document";
import { HEALTHDECK_VERSION } from "@/lib/server/runtime/create-healthdeck-runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

let cached: ReturnType<typeof buildOpenApiDocument> | null = null;

/** GET /api/v1/openapi.json: OpenAPI 3.1 of every route (docs/api.md). */
export function GET(): Promise<Response> {
  return withErrorMapping(() => jsonBody((cached ??= buildOpenApiDocument(HEALTHDECK_VERSION))));
}
