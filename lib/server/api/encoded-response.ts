import "server-only";
import { matchesIfNoneMatch, type EncodedJson } from "@/lib/server/api/encoded-json";

/**
 * A document of any type encoded once, answered `304` when the client holds these bytes (feed readers and calendar
 * clients poll with If-None-Match). `no-cache` lets them keep it and ask again.
 */
export function encodedResponse(request: Request, encoded: EncodedJson, contentType: string): Response {
  const headers = { "Content-Type": contentType, "Cache-Control": "no-cache", ETag: encoded.etag, "X-Content-Type-Options": "nosniff" };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), encoded.etag)) return new Response(null, { status: 304, headers });
  return new Response(toArrayBufferView(encoded.body), { status: 200, headers });
}

// TextEncoder output is backed by a plain ArrayBuffer; TypeScript types it as possibly shared.
function toArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
