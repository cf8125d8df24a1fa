import { afterEach, describe, expect, it } from "vitest";
import { expandStatusResponse } from "@/lib/shared/compact-status-response";
import { streamCompactSnapshotSchema, streamHelloSchema } from "@/lib/shared/stream-contract";
import { changeOf, snapshotOf, startStreamStack, type StreamStack } from "@/tests/integration/stream-stack";
import { openSseClient, type SseClient } from "@/tests/integration/stream-sse-client";

let stream: StreamStack | null = null;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await stream?.close();
  stream = null;
});

async function connect(url: string, headers?: Record<string, string>): Promise<SseClient> {
  const client = await openSseClient(url, headers);
  clients.push(client);
  return client;
}

describe("GET /api/v1/stream against a real store", () => {
  it("answers with SSE headers, a retry hint, hello and a snapshot of the scope", async () => {
    stream = await startStreamStack();
    const response = await fetch(stream.streamUrl("region=us-east-1"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const reader = response.body?.getReader();
    const first = await reader?.read();
    const text = new TextDecoder().decode(first?.value);
    expect(text.startsWith("retry: 3000\nevent: hello\ndata: ")).toBe(true);
    await reader?.cancel();

    const client = await connect(stream.streamUrl("region=us-east-1"));
    const hello = streamHelloSchema.parse(JSON.parse((await client.waitFor((event) => event.event === "hello")).data));
    expect(hello.buildId).toBe("build-a");
    expect(hello.heartbeatSeconds).toBe(20);
    const snapshot = snapshotOf(await client.waitFor((event) => event.event === "snapshot"));
    expect(client.events.map((event) => event.event)).toEqual(["hello", "snapshot"]);
    expect(snapshot.version).toBe(stream.stack.runtime.store.version);
    expect(snapshot.status.services.length).toBeGreaterThan(100);
    expect(snapshot.status.services.every((service) => service.region === "us-east-1" || service.region === null)).toBe(true);
    const publicSources = snapshot.status.sources.filter((source) => source.id.startsWith("public-"));
    expect(publicSources.map((source) => source.state)).toEqual(["ok", "ok", "ok"]);
    expect(snapshot.account.events).toEqual([]);
    expect(snapshot.account.sources.every((source) => source.id.startsWith("account"))).toBe(true);
  });

  it("rejects a bad scope with 400 and says why", async () => {
    stream = await startStreamStack();
    const response = await fetch(stream.streamUrl("account=12"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "account.0: account must be a 12-digit AWS account id" });
  });

  it("packs the snapshot's status on request (?snapshot=compact), losing nothing but the order", async () => {
    stream = await startStreamStack();
    const full = snapshotOf(await (await connect(stream.streamUrl())).waitFor((event) => event.event === "snapshot"));
    const packedEvent = await (await connect(stream.streamUrl("snapshot=compact"))).waitFor((event) => event.event === "snapshot");
    const packed = streamCompactSnapshotSchema.parse(JSON.parse(packedEvent.data));
    expect(packedEvent.data.length).toBeLessThan(JSON.stringify(full).length / 5);
    expect(packed.version).toBe(full.version);
    expect(packed.account).toEqual(full.account);
    const expanded = expandStatusResponse(packed.statusCompact);
    const byKey = (services: typeof full.status.services) => [...services].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(expanded.services)).toEqual(byKey(full.status.services));
    expect({ ...expanded, services: [] }).toEqual({ ...full.status, services: [] });

    const bad = await fetch(stream.streamUrl("snapshot=tiny"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "snapshot must be one of full, compact" });
  });

  it("delivers a store change within a second", async () => {
    stream = await startStreamStack();
    const client = await connect(stream.streamUrl("region=us-east-1"));
    await client.waitFor((event) => event.event === "snapshot");
    const writes: number[] = [];
    stream.stack.runtime.store.onChange(() => writes.push(Date.now()));

    await stream.stepAndPoll();
    const event = await client.waitFor((item) => item.event === "change" && changeOf(item).services !== undefined);
    const change = changeOf(event);
    expect(change.services?.find((service) => service.key === "ec2-us-east-1")?.status).toBe("degraded");
    expect(change.events?.map((item) => item.key)).toEqual(["ec2-us-east-1"]);
    expect(change.version).toBe(stream.stack.runtime.store.version);
    const firstWrite = writes[0];
    if (firstWrite === undefined) throw new Error("the poll wrote to the store");
    expect(event.at - firstWrite).toBeLessThan(1000);
  });

  it("sends each scope only what it shows", async () => {
    stream = await startStreamStack();
    const rds = await connect(stream.streamUrl("region=eu-west-1&service=rds"));
    const east = await connect(stream.streamUrl("region=us-east-1"));
    const rdsSnapshot = snapshotOf(await rds.waitFor((event) => event.event === "snapshot"));
    await east.waitFor((event) => event.event === "snapshot");
    // Multi-service events are filed under a pseudo-service that every service filter keeps.
    expect(rdsSnapshot.status.services.map((service) => service.key).sort()).toEqual(["multipleservices-eu-west-1", "rds-eu-west-1"]);

    await stream.stepAndPoll();
    await east.waitFor((event) => event.event === "change" && changeOf(event).services !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const rdsChanges = rds.events.filter((event) => event.event === "change").map(changeOf);
    // The poll did touch what the RDS screen shows: its sources' last attempt. Nothing else.
    for (const change of rdsChanges) expect(Object.keys(change).sort()).toEqual(["generatedAt", "sources", "version"]);
    expect(stream.hub.stats()).toMatchObject({ scopes: 2, subscribers: 2 });
  });
});
