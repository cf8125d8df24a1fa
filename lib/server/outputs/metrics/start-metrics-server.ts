import "server-only";
import { createServer, type Server } from "node:http";
import type { Logger } from "@/lib/server/logging/create-logger";
import { checkOutputAccess } from "@/lib/server/outputs-access";

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export interface MetricsServerOptions {
  host: string;
  port: number;
  token: string | undefined;
  render(): Promise<string>;
  logger: Logger;
}

/**
 * HEALTHDECK_METRICS_PORT: `/metrics` alone on a port of its own (a network only Prometheus reaches). It owns the
 * socket, so loopback is judged by the peer's address here.
 */
export function startMetricsServer(options: MetricsServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://metrics.invalid");
    if (req.method !== "GET" || url.pathname !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("only GET /metrics is served on this port\n");
      return;
    }
    const request = new Request(url, { headers: { authorization: req.headers.authorization ?? "" } });
    const denied = checkOutputAccess(request, { need: "metrics", clientAddress: req.socket.remoteAddress ?? null }, { listenHost: options.host, token: options.token });
    if (denied) {
      res.writeHead(401, { "Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": 'Bearer realm="healthdeck"' }).end("send the token as Authorization: Bearer <token>\n");
      return;
    }
    options.render().then(
      (text) => res.writeHead(200, { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" }).end(text),
      (error: unknown) => {
        options.logger.warn("metrics scrape failed", { error: error instanceof Error ? error.message : String(error) });
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("internal error\n");
      },
    );
  });
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
