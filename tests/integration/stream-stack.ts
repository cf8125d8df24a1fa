import type { TestServer } from "@/tests/support/listen-test-server";
import { createStreamHub, type StreamHub, type StreamHubOptions } from "@/lib/server/hub/create-stream-hub";
import { handleStreamRequest } from "@/lib/server/hub/handle-stream-request";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { streamChangeSchema, streamSnapshotSchema, type StreamChange, type StreamSnapshot } from "@/lib/shared/stream-contract";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";
import type { SseEvent } from "@/tests/integration/stream-sse-client";

export interface StreamStack {
  stack: PublicStack;
  hub: StreamHub;
  server: TestServer;
  streamUrl(query?: string): string;
  /** One simulator step, picked up by one current-events poll (one committed store write or more). */
  stepAndPoll(): Promise<void>;
  /** A fresh server on a new port with the same store and hub options (as after a restart). */
  restartServer(hubOptions?: Partial<StreamHubOptions>): Promise<void>;
  close(): Promise<void>;
}

/** The real simulator, runtime and SQLite store, with the hub and the stream route on a real node:http server. */
export async function startStreamStack(options: { hub?: Partial<StreamHubOptions>; maxQueuedBytes?: number } = {}): Promise<StreamStack> {
  const stack = await startPublicStack({ scenario: INCIDENT_SCENARIO });
  await stack.pollAll();
  const makeHub = (overrides: Partial<StreamHubOptions> = {}) =>
    createStreamHub({ runtime: stack.runtime, buildId: "build-a", coalesceMs: 50, ...options.hub, ...overrides });
  const serve = (hub: StreamHub) => listenFetchHandler((request) => handleStreamRequest(request, hub, { maxQueuedBytes: options.maxQueuedBytes }));
  let hub = makeHub();
  let server = await serve(hub);
  return {
    stack,
    get hub() {
      return hub;
    },
    get server() {
      return server;
    },
    streamUrl: (query = "") => `${server.url}/api/v1/stream${query === "" ? "" : `?${query}`}`,
    async stepAndPoll() {
      stack.simulator.step();
      await stack.runtime.poller.runNow("public-currentevents");
    },
    async restartServer(hubOptions) {
      hub.close();
      await server.close();
      hub = makeHub(hubOptions);
      server = await serve(hub);
    },
    async close() {
      hub.close();
      await server.close();
      await stack.close();
    },
  };
}

export const snapshotOf = (event: SseEvent): StreamSnapshot => streamSnapshotSchema.parse(JSON.parse(event.data));
export const changeOf = (event: SseEvent): StreamChange => streamChangeSchema.parse(JSON.parse(event.data));
