import { request, type IncomingHttpHeaders } from "node:http";
import type { EventSourceLike } from "@/lib/client/live/live-connection";

export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
  at: number;
}

/** The SSE wire format as a browser reads it: fields per line, an event per blank line, comments ignored. */
export function createSseParser(onEvent: (event: SseEvent) => void): (text: string) => void {
  let buffer = "";
  let lastId: string | null = null;
  return (text) => {
    buffer += text;
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "id") lastId = value;
      }
      if (data.length > 0) onEvent({ event, id: lastId, data: data.join("\n"), at: Date.now() });
      end = buffer.indexOf("\n\n");
    }
  };
}

export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  events: SseEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(predicate: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the response or the connection closes. */
  ended: Promise<void>;
  close(): void;
}

/** A real HTTP client of the stream (node:http), keeping every event it receives with its arrival time. */
export function openSseClient(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (res) => {
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      const parse = createSseParser((event) => {
        events.push(event);
        for (const waiter of [...waiters]) waiter();
      });
      res.setEncoding("utf8");
      res.on("data", parse);
      const ended = new Promise<void>((done) => {
        res.once("end", done);
        res.once("close", done);
        res.once("error", () => done());
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        ended,
        waitFor(predicate, timeoutMs = 3000) {
          return new Promise((found, fail) => {
            const check = () => {
              const match = events.find(predicate);
              if (!match) return;
              waiters.delete(check);
              clearTimeout(timer);
              found(match);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((event) => event.event).join(",")}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.once("error", reject);
    req.end();
  });
}

/** EventSource over node:http for the browser connection code under Node (which has no EventSource). */
export function createNodeEventSource(url: string): EventSourceLike {
  const listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  let isClosed = false;
  const source: EventSourceLike = {
    onerror: null,
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    close() {
      isClosed = true;
      req.destroy();
    },
  };
  const fail = () => {
    if (!isClosed) source.onerror?.(new Event("error"));
  };
  const req = request(url, { headers: { accept: "text/event-stream" }, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return fail();
    }
    const parse = createSseParser((event) => {
      if (isClosed) return;
      const message = new MessageEvent(event.event, { data: event.data, lastEventId: event.id ?? "" });
      for (const listener of listeners.get(event.event) ?? []) listener(message);
    });
    res.setEncoding("utf8");
    res.on("data", parse);
    res.once("end", fail);
    res.once("error", fail);
  });
  req.once("error", fail);
  req.end();
  return source;
}
