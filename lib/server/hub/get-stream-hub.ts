import "server-only";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { createStreamHub, type HubStats, type StreamHub } from "@/lib/server/hub/create-stream-hub";
import { readBuildId } from "@/lib/server/hub/read-build-id";

// Route handlers and instrumentation are separate bundles: the one hub of the process lives on globalThis.
const HUB_KEY = Symbol.for("healthdeck.stream-hub");
type HubHolder = { [HUB_KEY]?: StreamHub };

/** The process-wide hub, subscribed once to the store; created on the first stream request. */
export function getStreamHub(): StreamHub {
  const holder = globalThis as HubHolder;
  holder[HUB_KEY] ??= createStreamHub({ runtime: getRuntime(), buildId: readBuildId() });
  return holder[HUB_KEY];
}

/** Ends every open stream (on SIGTERM, before the server waits for open responses). Creates nothing. */
export function closeStreamHub(): void {
  (globalThis as HubHolder)[HUB_KEY]?.close();
}

/** The hub's counters when one runs in this process (for GET /metrics); creates nothing. */
export function readStreamHubStats(): HubStats | null {
  return (globalThis as HubHolder)[HUB_KEY]?.stats() ?? null;
}
