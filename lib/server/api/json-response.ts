import "server-only";

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

export function jsonText(body: string, status = 200): Response {
  return new Response(body, { status, headers: JSON_HEADERS });
}

/** Pre-encoded JSON bytes. */
export function jsonBytes(body: Uint8Array): Response {
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: JSON_HEADERS });
}

/** A promise is never a body: the type refuses one, so a forgotten `await` cannot answer `{}`. */
export function jsonBody<T>(value: T extends PromiseLike<unknown> ? never : T, status = 200): Response {
  return jsonText(JSON.stringify(value), status);
}

export function jsonError(status: number, message: string): Response {
  return jsonBody({ error: message }, status);
}

/** Maps anything a handler throws to a 500 without leaking internals. */
export async function withErrorMapping(handler: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: "error", message: "request failed", error: error instanceof Error ? error.message : String(error) })}\n`,
    );
    return jsonError(500, "internal error");
  }
}
