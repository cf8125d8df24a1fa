import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readListeningPort, type TestServer } from "@/tests/support/listen-test-server";

type FetchHandler = (request: Request) => Response | Promise<Response>;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, signal: AbortSignal, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, { method: req.method, headers, signal, body: body === undefined ? undefined : new Uint8Array(body) });
}

/** Writes a web Response to a node response the way Next does: waits for `drain`, so backpressure reaches the body stream. */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.flushHeaders();
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => {
        const settle = () => {
          res.off("drain", settle);
          res.off("close", settle);
          resolve();
        };
        res.once("drain", settle);
        res.once("close", settle);
      });
      if (res.destroyed) return;
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/**
 * A real node:http server on 127.0.0.1 (ephemeral port) that serves a route handler with real
 * Request/Response objects: for tests and the in-process fan-out check, where `next start` is not wanted.
 */
export async function listenFetchHandler(handler: FetchHandler): Promise<TestServer> {
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.once("close", () => abort.abort());
    readBody(req)
      .then((body) => handler(toRequest(req, abort.signal, body)))
      .then((response) => writeResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${readListeningPort(server)}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
