export type BodyReadResult = { ok: true; text: string } | { ok: false; status: 400 | 413; error: string };

/**
 * Reads a request body as UTF-8 text without ever holding more than maxBytes: a declared
 * Content-Length over the limit is refused unread, and the stream is counted as it arrives
 * (chunked bodies declare nothing).
 */
export async function readIngestBody(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const tooLarge = { ok: false, status: 413, error: `request body exceeds ${maxBytes} bytes` } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  if (request.body === null) return { ok: false, status: 400, error: "request body is empty" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  if (total === 0) return { ok: false, status: 400, error: "request body is empty" };

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, error: "request body is not valid UTF-8" };
  }
}
