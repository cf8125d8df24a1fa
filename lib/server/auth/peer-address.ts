import type { IncomingMessage, Server } from "node:http";
import http from "node:http";
import { isLoopbackAddress, normaliseAddress } from "@/lib/server/edge/normalise-address";

/**
 * Next's route handlers never see the socket, and the `x-forwarded-for` Next fills in keeps whatever a client sent
 * (`??=`, checked in Next 16.4). So this process stamps the peer address of every request in a header of its own,
 * overwriting any a client sent, before Next reads the request: the one address `proxy` mode may trust.
 */
export const PEER_ADDRESS_HEADER = "x-healthdeck-peer-address";

const INSTALLED_KEY = Symbol.for("healthdeck.peer-address-installed");
type InstalledHolder = { [INSTALLED_KEY]?: boolean };

/** Wraps http.Server's request event once per process (instrumentation calls it before any request is served). */
export function installPeerAddressHeader(serverPrototype: Pick<Server, "emit"> = http.Server.prototype): void {
  const holder = serverPrototype as InstalledHolder;
  if (holder[INSTALLED_KEY]) return;
  holder[INSTALLED_KEY] = true;
  const emit = serverPrototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  serverPrototype.emit = function emitWithPeerAddress(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeerAddress(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as Server["emit"];
}

export function stampPeerAddress(request: IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = normaliseAddress(address);
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/** null when the process did not stamp the request (e.g. under a test harness without the hook). */
export function readPeerAddress(headers: Headers): string | null {
  const value = headers.get(PEER_ADDRESS_HEADER);
  return value === null || value === "" ? null : value;
}

/** A host name the server listens on that only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  return isLoopbackAddress(host);
}
