import { UpstreamError } from "@/lib/server/http/upstream-error";

export interface ReadLimitedBodyOptions {
  url: string;
  maxBytes: number;
  /** Aborted on timeout or by the caller; its reason is what the read rejects with. */
  signal: AbortSignal;
}

/**
 * Reads a response body chunk by chunk, failing with kind "too-large" as soon as it exceeds maxBytes.
 * Every read races the signal, so a stalled stream cannot hang even if the fetch implementation
 * does not propagate the abort into the body.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | null,
  options: ReadLimitedBodyOptions,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const { url, maxBytes, signal } = options;
  const reader = body.getReader();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => undefined);

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        throw new UpstreamError({
          kind: "too-large",
          url,
          status: 200,
          message: `response body exceeds ${maxBytes} bytes`,
        });
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
  return concatChunks(chunks, total);
}

function concatChunks(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
