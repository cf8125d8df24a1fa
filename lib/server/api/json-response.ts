import "server-only";
import { matchesIfNoneMatch, type EncodedJson } from "@/lib/server/api/encoded-json";
import { createLogger, type Logger } from "@/lib/server/logging/create-logger";

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

export function jsonText(body: string, status = 200): Response {
  return new Response(body, { status, headers: JSON_HEADERS });
}

/**
 * A document encoded once (see encoded-json.ts): `304` without a body when the client holds these bytes, else the
 * bytes with their ETag. `no-cache` (not `no-store`) lets a browser keep them and ask with If-None-Match.
 */
export function jsonEncoded(request: Request, encoded: EncodedJson): Response {
  const headers = { ...JSON_HEADERS, "Cache-Control": "no-cache", ETag: encoded.etag };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), encoded.etag)) return new Response(null, { status: 304, headers });
  // Compression stays Next's: `next start` gzips a handler's body again even when it carries Content-Encoding
  // (checked with Next 16.4: a pre-zipped body reached the client zipped twice).
  return new Response(toArrayBufferView(encoded.body), { status: 200, headers });
}

// TextEncoder output is backed by a plain ArrayBuffer; TypeScript types it as possibly shared.
function toArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

/** A promise is never a body: the type refuses one, so a forgotten `await` cannot answer `{}`. */
export function jsonBody<T>(value: T extends PromiseLike<unknown> ? never : T, status = 200): Response {
  return jsonText(JSON.stringify(value), status);
}

export function jsonError(status: number, message: string): Response {
  return jsonBody({ error: message }, status);
}

const requestLogger = createLogger();

/** Maps anything a handler throws to a 500 without leaking internals; the cause goes to the (redacting) log. */
export async function withErrorMapping(handler: () => Response | Promise<Response>, logger: Logger = requestLogger): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    logger.error("request failed", { error: error instanceof Error ? error.message : String(error) });
    return jsonError(500, "internal error");
  }
}
