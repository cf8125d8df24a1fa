/** Written by the server on every request with the socket's peer address; whatever a client sent under it is replaced. */
export { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";

const STAMP_KEY = Symbol.for("healthdeck.peer-stamp");
type StampHolder = { [STAMP_KEY]?: boolean };

export function isPeerStampInstalled(): boolean {
  return (globalThis as StampHolder)[STAMP_KEY] === true;
}

export function markPeerStampInstalled(): boolean {
  const holder = globalThis as StampHolder;
  if (holder[STAMP_KEY]) return false;
  holder[STAMP_KEY] = true;
  return true;
}
