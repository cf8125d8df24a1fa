import { liveScopeKey, normaliseLiveScope, type LiveScope } from "@/lib/shared/live-scope";
import type { SnapshotFormat, StreamHello } from "@/lib/shared/stream-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { buildScopeSnapshot } from "@/lib/server/hub/build-scope-snapshot";
import { createRebuildLoop } from "@/lib/server/hub/create-rebuild-loop";
import { encodeSseEvent } from "@/lib/server/hub/format-sse";
import { createScopeChannel, type ScopeChannel } from "@/lib/server/hub/scope-channel";
import type { StreamSink } from "@/lib/server/hub/stream-sink";

export interface StreamHubOptions {
  runtime: HealthdeckRuntime;
  buildId: string;
  /** A burst of store writes within this window is one rebuild. */
  coalesceMs?: number;
  /** Rebuild on a clock too: source freshness and the 24 h windows change without any write. */
  refreshMs?: number;
  heartbeatMs?: number;
  retryMs?: number;
  ringEntries?: number;
  ringBytes?: number;
  /** Distinct scopes built at once; each costs one build per change. */
  maxScopes?: number;
  /** A scope without subscribers is kept this long, so a client that blinks can still resume. */
  idleScopeMs?: number;
}

export type SubscribeResult = { ok: true; unsubscribe(): void } | { ok: false; status: 503; error: string };

export interface HubStats {
  scopes: number;
  subscribers: number;
  rebuilds: number;
  changesSent: number;
  dropped: number;
}

export interface StreamHub {
  /** Builds the scope's first snapshot unless it is open already; call (and await) before `subscribe`. */
  openScope(scope: LiveScope): Promise<{ ok: true } | { ok: false; status: 503; error: string }>;
  /** Writes hello and a snapshot (or the changes missed since `lastEventId`), then every change of the scope. */
  subscribe(scope: LiveScope, sink: StreamSink, lastEventId: string | null, snapshotFormat?: SnapshotFormat): SubscribeResult;
  /** Rebuilds every scope now (normally driven by store changes and the clock); resolves when done. */
  rebuildNow(): Promise<void>;
  stats(): HubStats;
  /** Ends every stream cleanly; clients reconnect by themselves to whichever server comes back. */
  close(): void;
  readonly isClosed: boolean;
  readonly heartbeatSeconds: number;
}

interface Channel {
  channel: ScopeChannel;
  sinks: Set<StreamSink>;
  idleSince: number | null;
}

/** The fan-out of store changes to open streams: one build and one serialisation per distinct scope and change. */
export function createStreamHub(options: StreamHubOptions): StreamHub {
  const { runtime, buildId } = options;
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  const retryMs = options.retryMs ?? 3000;
  const maxScopes = options.maxScopes ?? 64;
  const idleScopeMs = options.idleScopeMs ?? 30_000;
  const limits = { ringEntries: options.ringEntries ?? 100, ringBytes: options.ringBytes ?? 2 * 1024 * 1024 };
  const epoch = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const channels = new Map<string, Channel>();
  const stats = { rebuilds: 0, changesSent: 0, dropped: 0 };
  let seq = 0;
  let isClosed = false;
  const nextId = () => `${epoch}-${(seq += 1)}`;

  const loop = createRebuildLoop<Channel>({
    list() {
      evictIdle(runtime.now(), idleScopeMs);
      return [...channels.values()];
    },
    rebuild: rebuildChannel,
    coalesceMs: options.coalesceMs ?? 150,
    refreshMs: options.refreshMs ?? 5000,
  });
  const stopListening = runtime.store.onChange(() => {
    if (channels.size > 0) loop.request();
  });
  const heartbeatTimer = setInterval(sendHeartbeat, heartbeatMs);
  heartbeatTimer.unref?.();

  function dropSink(entry: Channel, sink: StreamSink): void {
    entry.sinks.delete(sink);
    if (entry.sinks.size === 0) entry.idleSince = runtime.now();
    stats.dropped += 1;
    sink.drop();
  }

  function broadcast(entry: Channel, chunk: Uint8Array): void {
    for (const sink of [...entry.sinks]) if (!sink.write(chunk)) dropSink(entry, sink);
  }

  function evictIdle(nowMs: number, olderThanMs: number): void {
    for (const [key, entry] of channels) {
      if (entry.idleSince !== null && nowMs - entry.idleSince >= olderThanMs) channels.delete(key);
    }
  }

  async function rebuildChannel(entry: Channel): Promise<void> {
    if (isClosed || channels.get(entry.channel.key) !== entry) return;
    try {
      const snapshot = await buildScopeSnapshot(runtime, entry.channel.scope, runtime.now());
      // Evicted, or the hub closed, while the snapshot was read.
      if (isClosed || channels.get(entry.channel.key) !== entry) return;
      const chunk = entry.channel.advance(snapshot, nextId);
      stats.rebuilds += 1;
      if (chunk === null) return;
      stats.changesSent += entry.sinks.size;
      broadcast(entry, chunk);
    } catch (error) {
      runtime.logger.warn("stream rebuild failed", { scope: entry.channel.key, error: error instanceof Error ? error.message : String(error) });
    }
  }

  function sendHeartbeat(): void {
    if (channels.size === 0) return;
    const chunk = encodeSseEvent({ name: "heartbeat", data: { serverTime: new Date(runtime.now()).toISOString() } });
    for (const entry of channels.values()) broadcast(entry, chunk);
  }

  const opening = new Map<string, Promise<Channel | null>>();

  async function openChannel(scope: LiveScope): Promise<Channel | null> {
    const normalised = normaliseLiveScope(scope);
    const key = liveScopeKey(normalised);
    const existing = channels.get(key);
    if (existing) return existing;
    const pending = opening.get(key);
    if (pending) return pending;
    const open = (async () => {
      const nowMs = runtime.now();
      const snapshot = await buildScopeSnapshot(runtime, normalised, nowMs);
      const current = channels.get(key);
      if (current) return current;
      if (channels.size >= maxScopes) evictIdle(runtime.now(), 0);
      if (channels.size >= maxScopes || isClosed) return null;
      const entry: Channel = { channel: createScopeChannel(key, normalised, snapshot, nextId(), limits), sinks: new Set(), idleSince: nowMs };
      channels.set(key, entry);
      return entry;
    })().finally(() => opening.delete(key));
    opening.set(key, open);
    return open;
  }

  const tooMany = () => ({ ok: false as const, status: 503 as const, error: `too many distinct live scopes (limit ${maxScopes}); try again later` });

  return {
    async openScope(scope) {
      if (isClosed) return { ok: false, status: 503, error: "the server is shutting down" };
      return (await openChannel(scope)) === null ? tooMany() : { ok: true };
    },
    subscribe(scope, sink, lastEventId, snapshotFormat = "full") {
      if (isClosed) return { ok: false, status: 503, error: "the server is shutting down" };
      const entry = channels.get(liveScopeKey(normaliseLiveScope(scope)));
      if (entry === undefined) return tooMany();
      const hello: StreamHello = { buildId, serverTime: new Date(runtime.now()).toISOString(), heartbeatSeconds: heartbeatMs / 1000 };
      const frames = [encodeSseEvent({ name: "hello", data: hello, retryMs }), ...entry.channel.catchUp(lastEventId, snapshotFormat)];
      entry.sinks.add(sink);
      entry.idleSince = null;
      for (const frame of frames) {
        if (!sink.write(frame)) {
          dropSink(entry, sink);
          break;
        }
      }
      return {
        ok: true,
        unsubscribe() {
          if (!entry.sinks.delete(sink)) return;
          if (entry.sinks.size === 0) entry.idleSince = runtime.now();
        },
      };
    },
    rebuildNow: () => loop.runNow(),
    stats() {
      let subscribers = 0;
      for (const entry of channels.values()) subscribers += entry.sinks.size;
      return { scopes: channels.size, subscribers, ...stats };
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      loop.stop();
      clearInterval(heartbeatTimer);
      stopListening();
      for (const entry of channels.values()) for (const sink of entry.sinks) sink.close();
      channels.clear();
    },
    get isClosed() {
      return isClosed;
    },
    heartbeatSeconds: heartbeatMs / 1000,
  };
}
