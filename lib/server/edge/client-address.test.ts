import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies, readClientView } from "@/lib/server/edge/client-address";
import { markPeerStampInstalled, PEER_ADDRESS_HEADER } from "@/lib/server/edge/peer-address-header";

const STAMP_KEY = Symbol.for("healthdeck.peer-stamp");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[STAMP_KEY];
});

describe("readClientView", () => {
  it("uses the stamped socket peer, not what the client wrote in X-Forwarded-For", () => {
    markPeerStampInstalled();
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "::ffff:192.0.2.9", "x-forwarded-for": "203.0.113.1", "x-forwarded-proto": "https" });
    expect(readClientView(headers, parseTrustedProxies(""))).toEqual({ address: "192.0.2.9", isHttps: false });
  });

  it("behind trusted proxies takes the nearest address they did not add, and their X-Forwarded-Proto", () => {
    markPeerStampInstalled();
    const trusted = parseTrustedProxies("10.0.0.0/8, ::1");
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "::1", "x-forwarded-for": "198.51.100.4, 203.0.113.7, 10.2.3.4", "x-forwarded-proto": "https" });
    expect(readClientView(headers, trusted)).toEqual({ address: "203.0.113.7", isHttps: true });
  });

  it("without the stamp falls back to the last X-Forwarded-For entry (Next's peer)", () => {
    expect(readClientView(new Headers({ [PEER_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "127.0.0.1" }), parseTrustedProxies(undefined)).address).toBe("127.0.0.1");
  });
});
