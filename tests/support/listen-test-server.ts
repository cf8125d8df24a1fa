import { createServer, type RequestListener, type Server } from "node:http";

export interface TestServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A real node:http server on 127.0.0.1 and an ephemeral port, for tests of HTTP clients. */
export async function listenTestServer(handler: RequestListener): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${readListeningPort(server)}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function readListeningPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server is not listening on a TCP port");
  return address.port;
}
