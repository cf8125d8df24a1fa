import { afterEach, describe, expect, it } from "vitest";
import { applyStreamChange, modelFromSnapshot } from "@/lib/client/live/live-model";
import { compareServices } from "@/lib/shared/compare-services";
import { changeOf, snapshotOf, startStreamStack, type StreamStack } from "@/tests/integration/stream-stack";
import { openSseClient, type SseClient, type SseEvent } from "@/tests/integration/stream-sse-client";

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

const SCOPE = "region=us-east-1,us-west-2";
const changesOf = (client: SseClient) => client.events.filter((event) => event.event === "change");
const idOf = (event: SseEvent) => {
  if (event.id === null) throw new Error(`${event.event} has no id`);
  return event.id;
};

describe("resuming a stream by Last-Event-ID", () => {
  it("sends exactly the missed changes, and they lead to the same screen as a new snapshot", async () => {
    stream = await startStreamStack();
    const watcher = await connect(stream.streamUrl(SCOPE));
    const leaver = await connect(stream.streamUrl(SCOPE));
    const first = await leaver.waitFor((event) => event.event === "snapshot");
    await watcher.waitFor((event) => event.event === "snapshot");
    leaver.close();

    await stream.stepAndPoll();
    await watcher.waitFor(() => changesOf(watcher).length >= 1);
    await stream.stepAndPoll();
    await watcher.waitFor(() => changesOf(watcher).some((event) => changeOf(event).services?.some((service) => service.key === "dynamodb-us-west-2")));
    const missed = changesOf(watcher);
    expect(missed.length).toBeGreaterThanOrEqual(2);

    const back = await connect(stream.streamUrl(SCOPE), { "Last-Event-ID": idOf(first) });
    await back.waitFor(() => changesOf(back).length === missed.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(back.events.map((event) => event.event)).toEqual(["hello", ...missed.map(() => "change")]);
    expect(changesOf(back).map(idOf)).toEqual(missed.map(idOf));

    let model = modelFromSnapshot(snapshotOf(first));
    for (const event of changesOf(back)) model = applyStreamChange(model, changeOf(event));
    const fresh = await connect(stream.streamUrl(SCOPE));
    const now = snapshotOf(await fresh.waitFor((event) => event.event === "snapshot"));
    expect(idOf(fresh.events[1] as SseEvent)).toBe(missed.at(-1)?.id);
    expect(model.version).toBe(now.version);
    expect(model.status.services).toEqual([...now.status.services].sort(compareServices));
    const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(model.status.events)).toEqual(byId(now.status.events));
    expect(model.status.events.map((event) => event.key).sort()).toEqual(["ec2-us-east-1", "multipleservices-us-west-2"]);
  });

  it("sends nothing to a client that is current, and a snapshot for an id it does not keep", async () => {
    stream = await startStreamStack();
    const client = await connect(stream.streamUrl(SCOPE));
    const snapshot = await client.waitFor((event) => event.event === "snapshot");

    const current = await connect(stream.streamUrl(`${SCOPE}&lastEventId=${idOf(snapshot)}`));
    await current.waitFor((event) => event.event === "hello");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(current.events.map((event) => event.event)).toEqual(["hello"]);

    // The id of another server process (store versions restart with it) must not be mistaken for ours.
    const stranger = await connect(stream.streamUrl(SCOPE), { "Last-Event-ID": "lx9k2abcd-3" });
    await stranger.waitFor((event) => event.event === "snapshot");
    expect(stranger.events.map((event) => event.event)).toEqual(["hello", "snapshot"]);
  });

  it("falls back to a snapshot once the missed changes left the ring", async () => {
    stream = await startStreamStack({ hub: { ringEntries: 1 } });
    const watcher = await connect(stream.streamUrl(SCOPE));
    const leaver = await connect(stream.streamUrl(SCOPE));
    const first = await leaver.waitFor((event) => event.event === "snapshot");
    leaver.close();
    await stream.stepAndPoll();
    await watcher.waitFor(() => changesOf(watcher).length >= 1);
    await stream.stepAndPoll();
    await watcher.waitFor(() => changesOf(watcher).length >= 2);

    const back = await connect(stream.streamUrl(SCOPE), { "Last-Event-ID": idOf(first) });
    const snapshot = await back.waitFor((event) => event.event === "snapshot");
    expect(snapshot.id).toBe(changesOf(watcher).at(-1)?.id);
    expect(back.events.map((event) => event.event)).toEqual(["hello", "snapshot"]);
  });
});
