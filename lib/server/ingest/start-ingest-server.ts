import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { handleIngestRequest, type IngestRequestDeps } from "@/lib/server/ingest/handle-ingest-request";

export const INGEST_PATH = "/api/v1/ingest/eventbridge";

export interface IngestServer {
  port: number;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // The body stays a stream: readIngestBody stops reading at HEALTHDECK_INGEST_MAX_BYTES.
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  return new Request(`http://ingest${req.url ?? "/"}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

function answer(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
  res.end(body);
}

/**
 * A listener of its own that serves only `POST /api/v1/ingest/eventbridge`, so that an operator can expose this
 * port to AWS and keep the dashboard's port private. Same handler, same secret, same durable commit.
 */
export function startIngestServer(options: { port: number; host: string; deps: IngestRequestDeps }): Promise<IngestServer> {
  const logger = options.deps.logger;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== INGEST_PATH) return answer(res, 404, JSON.stringify({ error: `this port serves only POST ${INGEST_PATH}` }));
    if (req.method !== "POST") return answer(res, 405, JSON.stringify({ error: "use POST" }), { Allow: "POST" });
    handleIngestRequest(toRequest(req), options.deps)
      .then(async (response) => answer(res, response.status, await response.text(), Object.fromEntries(response.headers)))
      .catch((error: unknown) => {
        logger?.error("ingest request failed", { error: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) answer(res, 500, JSON.stringify({ error: "internal error" }));
        else res.destroy();
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({
        port: typeof address === "object" && address !== null ? address.port : options.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
