import { createServer } from "node:net";

/** Ports the benchmarks use, away from the demo's 3000/4010 and the e2e ports. */
export const APP_PORT_RANGE = { from: 3200, to: 3299 } as const;
export const SIMULATOR_PORT_RANGE = { from: 4200, to: 4299 } as const;

const taken = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first port in the range that is free on 127.0.0.1 and not handed out before in this process. */
export async function findFreePort(range: { from: number; to: number }): Promise<number> {
  for (let port = range.from; port <= range.to; port += 1) {
    if (taken.has(port)) continue;
    if (await canListen(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port on 127.0.0.1 between ${range.from} and ${range.to}`);
}
