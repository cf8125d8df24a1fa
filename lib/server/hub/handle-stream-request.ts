import { z } from "zod";
import { parseLiveScope, type LiveScope } from "@/lib/shared/live-scope";
import { SNAPSHOT_FORMATS } from "@/lib/shared/stream-contract";
import type { StreamHub } from "@/lib/server/hub/create-stream-hub";
import type { StreamSink } from "@/lib/server/hub/stream-sink";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

/** Bytes a client may have queued before it counts as fallen behind; it reconnects and gets a snapshot. */
export const DEFAULT_MAX_QUEUED_BYTES = 4 * 1024 * 1024;

/** How often an open stream asks whether its token or session still holds: a revoked wall goes dark within this. */
export const DEFAULT_RECHECK_MS = 3000;

const lastEventIdSchema = z.string().trim().min(1).max(100).regex(/^[\w.-]+$/);

function readLastEventId(request: Request, url: URL): string | null {
  // A browser's own reconnect sends the header; ours (a new EventSource) can only use the query.
  const raw = request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  const parsed = lastEventIdSchema.safeParse(raw ?? undefined);
  return parsed.success ? parsed.data : null;
}

function errorResponse(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const snapshotFormatSchema = z.enum(SNAPSHOT_FORMATS, { error: () => `snapshot must be one of ${SNAPSHOT_FORMATS.join(", ")}` }).default("full");

/** GET /api/v1/stream: validates the scope, then hands the response stream to the hub until either side ends it. */
export interface StreamRequestOptions {
  maxQueuedBytes?: number;
  /** The requested scope as the caller may see it (account filter narrowed to the principal's accounts). */
  restrictScope?: (scope: LiveScope) => LiveScope;
  /** Asked every `recheckMs` while the stream is open: false (a revoked token, an expired session) ends it. */
  isStillAllowed?: () => Promise<boolean>;
  recheckMs?: number;
  /** Takes one of the client's stream slots: a function that frees it, or null when the client holds its share. */
  acquireSlot?: () => (() => void) | null;
}

export async function handleStreamRequest(request: Request, hub: StreamHub, options: StreamRequestOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseLiveScope(url.searchParams);
  if (!parsed.ok) return errorResponse(400, parsed.error);
  const scope = { ok: true as const, value: options.restrictScope ? options.restrictScope(parsed.value) : parsed.value };
  const snapshotFormat = snapshotFormatSchema.safeParse(url.searchParams.get("snapshot") ?? undefined);
  if (!snapshotFormat.success) return errorResponse(400, snapshotFormat.error.issues[0]?.message ?? "invalid snapshot parameter");
  const lastEventId = readLastEventId(request, url);
  const maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  const freeSlot = options.acquireSlot ? options.acquireSlot() : () => {};
  if (freeSlot === null) {
    const response = errorResponse(429, "too many open streams from this address; close some screens or tabs");
    response.headers.set("Retry-After", "30");
    return response;
  }
  let opened: Awaited<ReturnType<StreamHub["openScope"]>>;
  try {
    opened = await hub.openScope(scope.value);
  } catch (error) {
    freeSlot();
    throw error;
  }
  if (!opened.ok) {
    freeSlot();
    return errorResponse(opened.status, opened.error);
  }

  let release: () => void = freeSlot;
  let rejection: { status: number; error: string } | null = null;
  const stream = new ReadableStream<Uint8Array>(
    {
      // Runs synchronously inside the constructor, so the outcome is known before the Response is made.
      start(controller) {
        let isOpen = true;
        const sink: StreamSink = {
          write(chunk) {
            // Judged before queueing: one large snapshot is fine, a backlog that keeps growing is not.
            if (!isOpen || -(controller.desiredSize ?? 0) > maxQueuedBytes) return false;
            controller.enqueue(chunk);
            return true;
          },
          close() {
            freeSlot();
            if (!isOpen) return;
            isOpen = false;
            controller.close();
          },
          drop() {
            freeSlot();
            if (!isOpen) return;
            isOpen = false;
            controller.error(new Error("stream client fell behind"));
          },
        };
        const result = hub.subscribe(scope.value, sink, lastEventId, snapshotFormat.data);
        if (!result.ok) {
          freeSlot();
          rejection = { status: result.status, error: result.error };
          return;
        }
        let recheckTimer: ReturnType<typeof setInterval> | null = null;
        const onAbort = () => {
          if (recheckTimer !== null) clearInterval(recheckTimer);
          result.unsubscribe();
          sink.close();
        };
        release = () => {
          if (recheckTimer !== null) clearInterval(recheckTimer);
          freeSlot();
          request.signal.removeEventListener("abort", onAbort);
          result.unsubscribe();
          isOpen = false;
        };
        const isStillAllowed = options.isStillAllowed;
        if (isStillAllowed) {
          recheckTimer = setInterval(() => {
            void isStillAllowed().then(
              (allowed) => {
                if (!allowed && isOpen) onAbort();
              },
              () => undefined,
            );
          }, options.recheckMs ?? DEFAULT_RECHECK_MS);
          recheckTimer.unref?.();
        }
        if (request.signal.aborted) onAbort();
        else request.signal.addEventListener("abort", onAbort, { once: true });
      },
      cancel() {
        release();
      },
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  if (rejection !== null) {
    const { status, error } = rejection;
    return errorResponse(status, error);
  }
  return new Response(stream, { headers: SSE_HEADERS });
}
