import { isPeerStampInstalled, PEER_ADDRESS_HEADER } from "@/lib/server/edge/peer-address-header";
import { IPV4, normaliseAddress } from "@/lib/server/edge/normalise-address";

/** Addresses (or IPv4 CIDR blocks) of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. */
export type TrustedProxies = (address: string) => boolean;

function ipv4ToNumber(address: string): number | null {
  const match = IPV4.exec(address);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  if (parts.some((part) => part > 255)) return null;
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

/** `10.0.0.5, 10.1.0.0/16, ::1` → a matcher; entries that are neither an address nor an IPv4 block are ignored. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const exact = new Set<string>();
  const blocks: { base: number; mask: number }[] = [];
  for (const entry of (raw ?? "").split(",").map((part) => part.trim()).filter((part) => part.length > 0)) {
    const [address = "", bits] = entry.split("/");
    const base = ipv4ToNumber(address);
    if (bits !== undefined && base !== null && /^\d{1,2}$/.test(bits) && Number(bits) <= 32) {
      const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
      blocks.push({ base: (base & mask) >>> 0, mask });
    } else if (bits === undefined) {
      exact.add(normaliseAddress(address));
    }
  }
  return (candidate) => {
    const address = normaliseAddress(candidate);
    if (exact.has(address)) return true;
    const value = ipv4ToNumber(address);
    return value !== null && blocks.some((block) => ((value & block.mask) >>> 0) === block.base);
  };
}

export interface ClientView {
  /** the client's address: the socket peer, or behind trusted proxies the nearest address they did not add */
  address: string;
  /** whether the client reached us over HTTPS (X-Forwarded-Proto counts only from a trusted proxy) */
  isHttps: boolean;
}

/**
 * Who is asking. The socket peer comes from the header the peer stamp writes on every request (see
 * stamp-peer-address.ts); without the stamp, from the last X-Forwarded-For entry, which Next fills with the peer.
 */
export function readClientView(headers: Headers, isTrusted: TrustedProxies): ClientView {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter((part) => part.length > 0);
  const stamped = isPeerStampInstalled() ? headers.get(PEER_ADDRESS_HEADER) : null;
  const peer = normaliseAddress(stamped ?? forwarded.at(-1) ?? "unknown");
  if (!isTrusted(peer)) return { address: peer, isHttps: false };
  let address = peer;
  for (let index = forwarded.length - 1; index >= 0; index -= 1) {
    address = normaliseAddress(forwarded[index] ?? "");
    if (!isTrusted(address)) break;
  }
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return { address, isHttps: proto === "https" };
}
