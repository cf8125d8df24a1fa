import "server-only";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AuthContext } from "@/lib/server/auth/auth-context";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";
import { normaliseAddress } from "@/lib/server/edge/normalise-address";
import type { Logger } from "@/lib/server/logging/create-logger";
import { checkOutputsAccess } from "@/lib/server/outputs-access";

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export interface MetricsServerOptions {
  host: string;
  port: number;
  /** HEALTHDECK_OUTPUTS_TOKEN */
  token: string | undefined;
  /** who may scrape: the same principals as on the main port (API tokens with the `metrics` scope, …) */
  authContext: AuthContext;
  render(): Promise<string>;
  logger: Logger;
}

/** The request's headers, with the peer address taken from the socket over anything a client sent under that name. */
function readHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === PEER_ADDRESS_HEADER) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const peer = req.socket.remoteAddress;
  if (peer) headers.set(PEER_ADDRESS_HEADER, normaliseAddress(peer));
  return headers;
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
    const credentials = { headers: readHeaders(req), queryToken: null, peerAddress: req.socket.remoteAddress ?? null };
    checkOutputsAccess(credentials, "metrics", { context: options.authContext, staticToken: options.token })
      .then(async (access) => {
        if (access.denied) {
          res.writeHead(access.denied.status, Object.fromEntries(access.denied.headers)).end(await access.denied.text());
          return;
        }
        const text = await options.render();
        res.writeHead(200, { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" }).end(text);
      })
      .catch((error: unknown) => {
        options.logger.warn("metrics scrape failed", { error: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("internal error\n");
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
