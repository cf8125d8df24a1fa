import http from "node:http";
import { markPeerStampInstalled, PEER_ADDRESS_HEADER } from "@/lib/server/edge/peer-address-header";

/**
 * Next's request handlers never see the socket, and the X-Forwarded-For Next adds keeps any value a client sent, so
 * a per-client limit keyed on it could be dodged by sending a new one each time. The HTTP servers of this process
 * write the real peer address into a header before Next reads the request. Idempotent.
 */
export function stampPeerAddress(): void {
  if (!markPeerStampInstalled()) return;
  const emit: (this: http.Server, event: string, ...args: unknown[]) => boolean = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithPeer(this: http.Server, event: string, ...args: unknown[]): boolean {
    const request = args[0];
    if (event === "request" && request instanceof http.IncomingMessage) {
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  };
}
