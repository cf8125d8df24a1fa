import { request, type ClientRequest } from "node:http";

export interface FanOutChange {
  at: number;
  id: string | null;
  /** the change as sent; change frames are small, snapshots are never kept */
  data: string;
  /** whether it carries services, checked once on arrival so waiting on 500 clients stays cheap */
  hasServices: boolean;
}

export interface FanOutClient {
  helloAt: number | null;
  snapshotAt: number | null;
  snapshotBytes: number;
  bytes: number;
  changes: FanOutChange[];
  status: number | null;
  error: string | null;
  closed: boolean;
  close(): void;
}

/**
 * One stream client for the fan-out benchmark: node:http, its own socket, and an SSE reader that counts
 * a snapshot's bytes without keeping them (500 clients × ~1 MB would otherwise weigh on this process).
 * Relies on the server writing `event:` before `data:`, as ours does.
 */
export function openFanOutClient(url: string, onChange?: (change: FanOutChange) => void, headers: Record<string, string> = {}): FanOutClient {
  let req: ClientRequest | null = null;
  const client: FanOutClient = {
    helloAt: null,
    snapshotAt: null,
    snapshotBytes: 0,
    bytes: 0,
    changes: [],
    status: null,
    error: null,
    closed: false,
    close: () => req?.destroy(),
  };
  let event: string | null = null;
  let id: string | null = null;
  let data = "";
  let partial = "";
  let lineLength = 0;
  let isSkipping = false;

  const endLine = (line: string, length: number) => {
    if (length === 0) {
      const now = Date.now();
      if (event === "hello") client.helloAt = now;
      else if (event === "snapshot") client.snapshotAt = now;
      else if (event === "change") {
        const change = { at: now, id, data, hasServices: data.includes('"services":[') };
        client.changes.push(change);
        onChange?.(change);
      }
      event = null;
      data = "";
      isSkipping = false;
      return;
    }
    if (isSkipping) return;
    if (line.startsWith("event: ")) {
      event = line.slice(7);
      isSkipping = event === "snapshot";
    } else if (line.startsWith("id: ")) id = line.slice(4);
    else if (line.startsWith("data: ")) data = line.slice(6);
  };

  const read = (chunk: string) => {
    client.bytes += chunk.length;
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf("\n", start);
      const piece = newline === -1 ? chunk.slice(start) : chunk.slice(start, newline);
      lineLength += piece.length;
      if (isSkipping) client.snapshotBytes += piece.length;
      else partial += piece;
      if (newline === -1) return;
      endLine(partial, lineLength);
      partial = "";
      lineLength = 0;
      start = newline + 1;
    }
  };

  req = request(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (res) => {
    client.status = res.statusCode ?? null;
    res.setEncoding("utf8");
    res.on("data", read);
    res.once("close", () => (client.closed = true));
  });
  req.once("error", (error) => {
    client.error = error.message;
    client.closed = true;
  });
  req.end();
  return client;
}
