import { afterEach, describe, expect, it } from "vitest";
import { createLiveConnection, type LiveConnection, type LiveEnvironment, type LiveEvent } from "@/lib/client/live/live-connection";
import type { LiveModel } from "@/lib/client/live/live-model";
import { createLiveRegistry } from "@/lib/client/live/live-registry";
import { isKeyFedLive } from "@/lib/client/live/live-swr-feeds";
import { pausePollingWhileLive } from "@/lib/client/live/pause-polling-while-live";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { SSE_HEADERS } from "@/lib/server/hub/handle-stream-request";
import { startStreamStack, type StreamStack } from "@/tests/integration/stream-stack";
import { createNodeEventSource } from "@/tests/integration/stream-sse-client";

let stream: StreamStack | null = null;
let connection: LiveConnection | null = null;
afterEach(async () => {
  connection?.stop();
  connection = null;
  await stream?.close();
  stream = null;
});

function createEnvironment(): LiveEnvironment & { fire(type: "online" | "offline" | "visibilitychange"): void; online: boolean } {
  const target = new EventTarget();
  const environment = {
    online: true,
    addEventListener: (type: string, listener: () => void) => target.addEventListener(type, listener),
    removeEventListener: (type: string, listener: () => void) => target.removeEventListener(type, listener),
    isOnline: () => environment.online,
    isVisible: () => true,
    fire: (type: string) => target.dispatchEvent(new Event(type)),
  };
  return environment;
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the browser's live connection against the real stream", () => {
  it("builds the model from the snapshot, follows changes and survives a server restart", async () => {
    const live = await startStreamStack();
    stream = live;
    const models: { model: LiveModel; previous: LiveModel | null }[] = [];
    const events: LiveEvent["type"][] = [];
    const reloads: string[] = [];
    const conn = createLiveConnection({
      url: "/api/v1/stream?region=us-east-1",
      createEventSource: (path) => createNodeEventSource(`${live.server.url}${path}`),
      environment: createEnvironment(),
      onModel: (model, previous) => models.push({ model, previous }),
      onReload: (reason) => reloads.push(reason),
      random: () => 0,
    });
    connection = conn;
    conn.onEvent((event) => events.push(event.type));
    conn.start();
    await until(() => conn.getState().status !== null);
    const first = conn.getState();
    expect(first).toMatchObject({ connection: "live", buildId: "build-a", version: live.stack.runtime.store.version });
    expect(first.status?.services.find((service) => service.key === "ec2-us-east-1")?.status).toBe("operational");

    await live.stepAndPoll();
    await until(() => conn.getState().status?.services[0]?.key === "ec2-us-east-1");
    const after = conn.getState();
    expect(after.status?.services[0]?.status).toBe("degraded");
    expect(after.account).toBe(first.account);
    expect(events).toEqual(["snapshot", ...events.slice(1).map(() => "change")]);
    expect(models.at(-1)?.previous?.status).toBe(models.at(-2)?.model.status);

    // A restart: streams end, the new process knows nothing of the old ids, so a snapshot follows.
    await live.restartServer();
    await until(() => conn.getState().connection === "reconnecting", 2000);
    expect(conn.getState().status).toBe(after.status);
    await live.stepAndPoll();
    await until(() => conn.getState().connection === "live" && conn.getState().version === live.stack.runtime.store.version, 5000);
    expect(conn.getState().status?.events.find((event) => event.key === "ec2-us-east-1")?.status).toBe("disrupted");
    expect(events.filter((type) => type === "snapshot")).toHaveLength(2);
    expect(reloads).toEqual([]);

    // A deploy: the next hello carries another build id.
    await live.restartServer({ buildId: "build-b" });
    await until(() => reloads.length > 0, 5000);
    expect(reloads).toEqual(["build"]);

    conn.stop();
    await until(() => live.hub.stats().subscribers === 0, 2000);
  });

  it("reconnects at once when the network comes back, and counts itself offline meanwhile", async () => {
    const live = await startStreamStack();
    stream = live;
    const environment = createEnvironment();
    const conn = createLiveConnection({
      url: "/api/v1/stream?region=eu-west-1",
      createEventSource: (path) => createNodeEventSource(`${live.server.url}${path}`),
      environment,
      random: () => 1,
    });
    connection = conn;
    conn.start();
    await until(() => conn.getState().connection === "live");
    environment.online = false;
    environment.fire("offline");
    expect(conn.getState().connection).toBe("offline");
    // The browser said the network is gone: the stream is closed rather than left to die silently.
    await until(() => live.hub.stats().subscribers === 0, 2000);
    await live.restartServer();
    await until(() => live.hub.stats().subscribers === 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(conn.getState().connection).toBe("offline");
    environment.online = true;
    const before = Date.now();
    environment.fire("online");
    await until(() => conn.getState().connection === "live", 2000);
    // Without the online event the backoff would have waited about a second.
    expect(Date.now() - before).toBeLessThan(900);
  });

  it("treats two heartbeats of silence as a dead stream and opens a new one", async () => {
    let connects = 0;
    const silent = await listenFetchHandler(() => {
      connects += 1;
      const hello = `event: hello\ndata: ${JSON.stringify({ buildId: "build-a", serverTime: new Date().toISOString(), heartbeatSeconds: 0.1 })}\n\n`;
      return new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode(hello)) }), { headers: SSE_HEADERS });
    });
    const states: string[] = [];
    const conn = createLiveConnection({
      url: "/api/v1/stream",
      createEventSource: (path) => createNodeEventSource(`${silent.url}${path}`),
      environment: createEnvironment(),
      watchdogMs: 50,
    });
    connection = conn;
    conn.subscribe(() => states.push(conn.getState().connection));
    conn.start();
    try {
      await until(() => connects >= 3, 3000);
      expect(states).toContain("reconnecting");
      expect(states).toContain("live");
    } finally {
      conn.stop();
      await silent.close();
    }
  });

  it("keeps one connection per scope key for all its users, across a Strict Mode remount", async () => {
    const live = await startStreamStack();
    stream = live;
    const opened: string[] = [];
    const registry = createLiveRegistry({
      closeDelayMs: 300,
      createConnection: (key) =>
        createLiveConnection({
          url: `/api/v1/stream?${key}`,
          createEventSource: (path) => {
            opened.push(path);
            return createNodeEventSource(`${live.server.url}${path}`);
          },
          environment: createEnvironment(),
        }),
    });
    const board = registry.acquire("region=us-east-1");
    const banner = registry.acquire("region=us-east-1");
    expect(banner).toBe(board);
    // Strict Mode: effect, cleanup, effect again, all in one go.
    registry.release("region=us-east-1");
    registry.acquire("region=us-east-1");
    const wall = registry.acquire("region=eu-west-1&service=rds");
    await until(() => board.getState().status !== null && wall.getState().status !== null);
    expect(opened).toEqual(["/api/v1/stream?region=us-east-1", "/api/v1/stream?region=eu-west-1&service=rds"]);
    expect(live.hub.stats()).toMatchObject({ scopes: 2, subscribers: 2 });

    for (let i = 0; i < 2; i += 1) registry.release("region=us-east-1");
    registry.release("region=eu-west-1&service=rds");
    expect(registry.size).toBe(2);
    await until(() => registry.size === 0, 2000);
    await until(() => live.hub.stats().subscribers === 0, 2000);
    expect(opened).toHaveLength(2);
  });

  it("pauses the polling of the keys it feeds only while it is live", async () => {
    const live = await startStreamStack();
    stream = live;
    const keys = ["/api/v1/status?region=eu-central-1", "/api/v1/account/events?status=open,upcoming&region=eu-central-1"];
    const conn = pausePollingWhileLive(
      createLiveConnection({
        url: "/api/v1/stream?region=eu-central-1",
        createEventSource: (path) => createNodeEventSource(`${live.server.url}${path}`),
        environment: createEnvironment(),
        random: () => 0,
      }),
      keys,
    );
    connection = conn;
    expect(isKeyFedLive(keys[0] ?? "")).toBe(false);
    conn.start();
    await until(() => conn.getState().connection === "live");
    expect(keys.map(isKeyFedLive)).toEqual([true, true]);

    await live.restartServer();
    await until(() => conn.getState().connection === "reconnecting", 2000);
    expect(keys.map(isKeyFedLive)).toEqual([false, false]);
    await until(() => conn.getState().connection === "live", 5000);
    expect(keys.map(isKeyFedLive)).toEqual([true, true]);

    conn.stop();
    expect(keys.map(isKeyFedLive)).toEqual([false, false]);
  });

  it("builds the same model from a packed snapshot (?snapshot=compact)", async () => {
    const live = await startStreamStack();
    stream = live;
    const open = (url: string) => {
      const conn = createLiveConnection({ url, createEventSource: (path) => createNodeEventSource(`${live.server.url}${path}`), environment: createEnvironment(), random: () => 0 });
      conn.start();
      return conn;
    };
    const full = open("/api/v1/stream?region=us-east-1");
    const packed = open("/api/v1/stream?region=us-east-1&snapshot=compact");
    connection = full;
    try {
      await until(() => full.getState().status !== null && packed.getState().status !== null);
      const sorted = (conn: LiveConnection) => [...(conn.getState().status?.services ?? [])].sort((a, b) => a.key.localeCompare(b.key));
      expect(sorted(packed)).toEqual(sorted(full));
      expect(sorted(packed).length).toBeGreaterThan(100);
      expect(packed.getState().account).toEqual(full.getState().account);
    } finally {
      packed.stop();
    }
  });
});
