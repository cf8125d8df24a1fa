import { connect, createServer, type Socket } from "node:net";
import type { CleanupStack } from "@/bench/support/cleanup-stack";

export interface WireBytes {
  /** Request bytes the poller sent, headers included. */
  sent: number;
  /** Response bytes it received, headers included. */
  received: number;
}

export interface ByteCountingProxy {
  /** Replace the target's origin with this one. */
  url: string;
  snapshot(): WireBytes;
  reset(): void;
}

/** A TCP pass-through on 127.0.0.1 that counts bytes both ways, so header overhead shows, not just bodies. */
export async function startByteCountingProxy(cleanup: CleanupStack, target: { host: string; port: number }): Promise<ByteCountingProxy> {
  let bytes: WireBytes = { sent: 0, received: 0 };
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.on("data", (chunk: Buffer) => {
      bytes.sent += chunk.length;
    });
    upstream.on("data", (chunk: Buffer) => {
      bytes.received += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  cleanup.add("byte-counting proxy", () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy is not listening on a TCP port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    snapshot: () => ({ ...bytes }),
    reset() {
      bytes = { sent: 0, received: 0 };
    },
  };
}
