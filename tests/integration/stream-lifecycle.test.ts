import { afterEach, describe, expect, it } from "vitest";
import { streamHeartbeatSchema } from "@/lib/shared/stream-contract";
import { startStreamStack, type StreamStack } from "@/tests/integration/stream-stack";
import { openSseClient, type SseClient } from "@/tests/integration/stream-sse-client";

let stream: StreamStack | null = null;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await stream?.close();
  stream = null;
});

async function connect(url: string): Promise<SseClient> {
  const client = await openSseClient(url);
  clients.push(client);
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("stream lifecycle", () => {
  it("closes every stream cleanly on shutdown and refuses new ones", async () => {
    stream = await startStreamStack();
    const scopes = ["region=us-east-1", "region=us-east-1", "region=eu-west-1&service=rds"];
    const open = await Promise.all(scopes.map((scope) => connect(stream?.streamUrl(scope) ?? "")));
    await Promise.all(open.map((client) => client.waitFor((event) => event.event === "snapshot")));
    expect(stream.hub.stats()).toMatchObject({ scopes: 2, subscribers: 3 });

    const started = Date.now();
    stream.hub.close();
    await Promise.all(open.map((client) => client.ended));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stream.hub.stats()).toMatchObject({ scopes: 0, subscribers: 0 });
    // Nothing special is sent: clients reconnect by themselves.
    for (const client of open) expect(client.events.map((event) => event.event)).toEqual(["hello", "snapshot"]);

    const late = await fetch(stream.streamUrl("region=us-east-1"));
    expect(late.status).toBe(503);
    expect(await late.json()).toEqual({ error: "the server is shutting down" });
  });

  it("sends heartbeats that a browser can see", async () => {
    stream = await startStreamStack({ hub: { heartbeatMs: 200 } });
    const client = await connect(stream.streamUrl("region=us-east-1"));
    const hello = await client.waitFor((event) => event.event === "hello");
    expect(JSON.parse(hello.data)).toMatchObject({ heartbeatSeconds: 0.2 });
    await client.waitFor(() => client.events.filter((event) => event.event === "heartbeat").length >= 2, 2000);
    const beat = client.events.find((event) => event.event === "heartbeat");
    expect(streamHeartbeatSchema.parse(JSON.parse(beat?.data ?? "")).serverTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(beat?.id).toBe(client.events[1]?.id);
  });

  it("forgets scopes nobody watches, and caps how many are built at once", async () => {
    stream = await startStreamStack({ hub: { idleScopeMs: 100, refreshMs: 50, maxScopes: 2 } });
    const a = await connect(stream.streamUrl("region=us-east-1"));
    const b = await connect(stream.streamUrl("region=eu-west-1"));
    await Promise.all([a, b].map((client) => client.waitFor((event) => event.event === "snapshot")));

    const third = await fetch(stream.streamUrl("region=ap-south-1"));
    expect(third.status).toBe(503);
    expect(((await third.json()) as { error: string }).error).toContain("too many distinct live scopes");

    b.close();
    // Dropped on the next clock pass once idle for 100 ms; passes are spaced out on a busy machine.
    const deadline = Date.now() + 10_000;
    while (stream.hub.stats().scopes > 1 && Date.now() < deadline) await sleep(50);
    expect(stream.hub.stats()).toMatchObject({ scopes: 1, subscribers: 1 });
    const c = await connect(stream.streamUrl("region=ap-south-1"));
    await c.waitFor((event) => event.event === "snapshot");
    expect(stream.hub.stats()).toMatchObject({ scopes: 2, subscribers: 2 });
  });
});
