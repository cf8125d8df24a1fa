import type { IncomingMessage, ServerResponse } from "node:http";
import { renderHugeBodyChunk, renderMalformedBody, renderWrongEncodingBody } from "@/lib/simulator/render-fault-body";
import type { ResponseTracker } from "@/lib/simulator/response-tracker";
import { computeStrongEtag, type DocumentStore, type SimDocument } from "@/lib/simulator/simulated-documents";
import { DEFAULT_HUGE_BODY_BYTES, type Fault } from "@/lib/simulator/simulator-fault";
import { renderS3Error, sendWhole, type StatsRecorder } from "@/lib/simulator/simulator-stats";

export interface DocumentRequestContext {
  documents: DocumentStore;
  stats: StatsRecorder;
  tracker: ResponseTracker;
  latencyMs: number;
}

const LOOP_PARAM = "__sim_loop";
const HUGE_CHUNK_BYTES = 64 * 1024;

/** Serves one upstream document (or its fault) after the configured latency. */
export function handleDocumentRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  fault: Fault | null,
  context: DocumentRequestContext,
): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const delay = context.latencyMs + (fault?.kind === "slow" ? fault.ms : 0);
  context.tracker.after(delay, res, () => respond(req, res, url, fault?.kind === "slow" ? null : fault, context));
}

function respond(req: IncomingMessage, res: ServerResponse, url: URL, fault: Fault | null, context: DocumentRequestContext): void {
  const { stats, tracker } = context;
  if (fault?.kind === "hang-before-headers") {
    tracker.hold(res);
    return;
  }
  if (fault?.kind === "status") {
    const body = renderS3Error("SimulatedFault", `simulated HTTP ${fault.status}`, url.pathname.slice(1));
    sendWhole(req, res, stats, fault.status, { "Content-Type": "application/xml" }, body);
    return;
  }
  if (fault?.kind === "redirect-loop") {
    const looped = url.searchParams.has(LOOP_PARAM);
    res.writeHead(302, { Location: looped ? url.pathname : `${url.pathname}?${LOOP_PARAM}=1`, "Content-Length": 0 }).end();
    return;
  }
  const document = context.documents.getDocument(url.pathname);
  if (document === null) {
    const body = renderS3Error("NoSuchKey", "The specified key does not exist.", url.pathname.slice(1));
    sendWhole(req, res, stats, 404, { "Content-Type": "application/xml" }, body);
    return;
  }
  if (fault?.kind === "hang-mid-body") {
    res.writeHead(200, { ...documentHeaders(document), "Content-Length": document.bytes.length });
    const half = document.bytes.subarray(0, Math.floor(document.bytes.length / 2));
    stats.countBytes(half.length);
    res.write(half);
    tracker.hold(res);
    return;
  }
  if (fault?.kind === "huge-body") {
    streamHugeBody(res, document, fault.bytes ?? DEFAULT_HUGE_BODY_BYTES, stats);
    return;
  }
  if (fault?.kind === "malformed" || fault?.kind === "wrong-encoding") {
    const body = fault.kind === "malformed" ? renderMalformedBody(document) : renderWrongEncodingBody(document);
    sendWhole(req, res, stats, 200, documentHeaders({ ...document, etag: computeStrongEtag(body) }), body);
    return;
  }
  if (isNotModified(req, document)) {
    stats.countNotModified();
    res.writeHead(304, { ETag: document.etag, "Last-Modified": new Date(document.lastModifiedMs).toUTCString() }).end();
    return;
  }
  sendWhole(req, res, stats, 200, documentHeaders(document), document.bytes);
}

function documentHeaders(document: SimDocument): Record<string, string> {
  return {
    "Content-Type": document.contentType,
    ETag: document.etag,
    "Last-Modified": new Date(document.lastModifiedMs).toUTCString(),
  };
}

/** RFC 9110: If-None-Match wins over If-Modified-Since when both are sent. */
function isNotModified(req: IncomingMessage, document: SimDocument): boolean {
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === document.etag);
  }
  const ifModifiedSince = req.headers["if-modified-since"];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && document.lastModifiedMs <= since;
}

/** The real document, then whitespace, chunked without Content-Length so only streaming limits can stop it. */
function streamHugeBody(res: ServerResponse, document: SimDocument, total: number, stats: StatsRecorder): void {
  res.writeHead(200, { "Content-Type": document.contentType });
  const first = document.bytes.subarray(0, Math.min(total, document.bytes.length));
  let sent = first.length;
  stats.countBytes(sent);
  res.write(first);
  const pump = () => {
    while (sent < total && !res.destroyed) {
      const chunk = renderHugeBodyChunk(document, Math.min(HUGE_CHUNK_BYTES, total - sent));
      if (chunk.length === 0) break;
      sent += chunk.length;
      stats.countBytes(chunk.length);
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}
