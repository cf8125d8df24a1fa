import { installPeerAddressHeader } from "@/lib/server/auth/peer-address";
import { markPeerStampInstalled } from "@/lib/server/edge/peer-address-header";

/**
 * Next's request handlers never see the socket, and the X-Forwarded-For Next adds keeps any value a client sent, so
 * a per-client limit keyed on it could be dodged by sending a new one each time. The HTTP servers of this process
 * write the real peer address into one header before Next reads the request (the same stamp proxy-mode sign-in
 * trusts). Idempotent.
 */
export function stampPeerAddress(): void {
  installPeerAddressHeader();
  markPeerStampInstalled();
}
