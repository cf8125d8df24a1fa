import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

describe("installPeerAddressHeader", () => {
  it("stamps the socket's address over whatever a client claimed", async () => {
    // A prototype of our own, so the process-wide http.Server stays untouched by the test.
    class StampedServer extends (createServer().constructor as typeof Server) {}
    installPeerAddressHeader(StampedServer.prototype);
    server = new StampedServer((request, response) => response.end(String(request.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("not listening");
    const response = await fetch(`http://127.0.0.1:${address.port}/`, { headers: { [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-for": "10.0.0.5" } });
    expect(await response.text()).toBe("127.0.0.1");
  });
});
