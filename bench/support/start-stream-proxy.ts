import { createServer, request, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { APP_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";

export interface StreamProxy {
  /** open the page here instead of the app's own origin */
  url: string;
  /** The page's next stream request, held open until answered. */
  nextStream(timeoutMs?: number): Promise<HeldStream>;
}

export interface HeldStream {
  /** Writes `body` as the whole event-stream response and ends it (the page then reconnects). */
  answer(body: string): void;
  /** Puts the request back in the queue, unanswered. */
  release(): void;
}

/**
 * A real HTTP server in front of the app: every request goes through to the app except `/api/v1/stream`, which the
 * bench answers itself. Unlike page.route, nothing of the stream passes through DevTools' interception buffers.
 */
export async function startStreamProxy(cleanup: CleanupStack, appUrl: string): Promise<StreamProxy> {
  const target = new URL(appUrl);
  const waiting: ((held: HeldStream) => void)[] = [];
  const queued: HeldStream[] = [];
  const hold = (held: HeldStream) => {
    const next = waiting.shift();
    if (next) next(held);
    else queued.push(held);
  };
  const holdResponse = (response: ServerResponse) => {
    const held: HeldStream = {
      answer(body) {
        response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
        response.end(body);
      },
      release: () => hold(held),
    };
    hold(held);
  };
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    if (new URL(incoming.url ?? "/", "http://proxy").pathname === "/api/v1/stream") {
      holdResponse(response);
      return;
    }
    const upstream = request({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => response.destroy());
    incoming.pipe(upstream);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const port = await findFreePort(APP_PORT_RANGE);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  cleanup.add("stream proxy", async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    nextStream(timeoutMs = 30_000) {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the page did not reconnect to the stream")), timeoutMs);
        waiting.push((held) => {
          clearTimeout(timer);
          resolve(held);
        });
      });
    },
  };
}
