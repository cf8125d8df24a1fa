import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { changeOf, startStreamStack, type StreamStack } from "@/tests/integration/stream-stack";
import { openSseClient, type SseClient } from "@/tests/integration/stream-sse-client";

let stream: StreamStack | null = null;
let fast: SseClient | null = null;
let slow: Socket | null = null;
afterEach(async () => {
  fast?.close();
  slow?.destroy();
  await stream?.close();
  stream = null;
});

/** A client that sends its request and then never reads: the kernel buffers fill, then the server's queue. */
function connectStalledClient(url: string): Promise<Socket> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
      socket.pause();
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

describe("a client that falls behind", () => {
  it("is dropped while the others keep receiving every change on time", async () => {
    stream = await startStreamStack({ maxQueuedBytes: 512 * 1024 });
    const { runtime } = stream.stack;
    fast = await openSseClient(stream.streamUrl());
    await fast.waitFor((event) => event.event === "snapshot", 10_000);
    slow = await connectStalledClient(stream.streamUrl());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.hub.stats().subscribers).toBe(2);

    // Each flip of the current-events source turns ~5,800 services unknown or back: about 1 MB per change.
    const sentAt: number[] = [];
    for (let flip = 0; flip < 40 && stream.hub.stats().dropped === 0; flip += 1) {
      await runtime.store.write((tx) =>
        flip % 2 === 0
          ? tx.sources.recordFailure("public-currentevents", runtime.now(), "test: upstream down")
          : tx.sources.recordSuccess("public-currentevents", runtime.now(), null),
      );
      await stream.hub.rebuildNow();
      sentAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stream.hub.stats()).toMatchObject({ subscribers: 1, dropped: 1 });

    const flips = sentAt.length;
    await fast.waitFor(() => fast !== null && fast.events.filter((event) => event.event === "change").length >= flips, 10_000);
    const changes = fast.events.filter((event) => event.event === "change");
    expect(changes).toHaveLength(flips);
    changes.forEach((event, index) => {
      expect(event.at - (sentAt[index] ?? 0)).toBeLessThan(1000);
      const first = changeOf(event).services?.[0];
      expect(first?.status).toBe(index % 2 === 0 ? "unknown" : "operational");
    });

    // The server ended the stalled connection: once it reads again it finds the socket closed.
    const closed = new Promise<void>((resolve) => slow?.once("close", () => resolve()));
    slow.resume();
    await closed;
  }, 60_000);
});
