import { z } from "zod/mini";
import {
  streamChangeSchema,
  streamCompactSnapshotSchema,
  streamHeartbeatSchema,
  streamHelloSchema,
  streamSnapshotSchema,
  type StreamChange,
  type StreamSnapshot,
} from "@/lib/shared/stream-contract";
import { expandStatusResponse } from "@/lib/shared/compact-status-response";
import { computeReconnectDelay } from "@/lib/client/live/compute-reconnect-delay";
import { applyStreamChange, modelFromSnapshot, type LiveModel } from "@/lib/client/live/live-model";
import { INITIAL_LIVE_HEALTH, type LiveHealth } from "@/lib/client/live/live-health";
import { noteServerBuildId } from "@/lib/client/live/page-build-id";

export { INITIAL_LIVE_HEALTH, type LiveConnectionState, type LiveHealth } from "@/lib/client/live/live-health";

export type LiveEvent = { type: "snapshot"; snapshot: StreamSnapshot } | { type: "change"; change: StreamChange };

/** The part of EventSource this uses, so tests can drive it without a browser. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

/** The page around the connection: window events and the browser's view of network and visibility. */
export interface LiveEnvironment {
  addEventListener(type: "online" | "offline" | "visibilitychange", listener: () => void): void;
  removeEventListener(type: "online" | "offline" | "visibilitychange", listener: () => void): void;
  isOnline(): boolean;
  isVisible(): boolean;
}

export interface LiveConnectionDeps {
  /** /api/v1/stream with the scope's parameters */
  url: string;
  createEventSource: (url: string) => EventSourceLike;
  environment: LiveEnvironment;
  onModel?: (model: LiveModel, previous: LiveModel | null) => void;
  onReload?: (reason: "build" | "reload") => void;
  now?: () => number;
  random?: () => number;
  watchdogMs?: number;
}

export interface LiveConnection {
  start(): void;
  stop(): void;
  getState(): LiveHealth;
  subscribe(listener: () => void): () => void;
  onEvent(listener: (event: LiveEvent) => void): () => void;
}

const DEFAULT_HEARTBEAT_MS = 20_000;

// A stream opened with `?snapshot=compact` packs the status; the model is the same either way.
const snapshotSchema = z.union([
  streamSnapshotSchema,
  z.pipe(
    streamCompactSnapshotSchema,
    z.transform(({ statusCompact, ...rest }): StreamSnapshot => ({ ...rest, status: expandStatusResponse(statusCompact) })),
  ),
]);

/**
 * One EventSource and the model it feeds. It owns reconnection (EventSource gives up for good on an HTTP
 * error, e.g. while a server restarts): backoff after errors, at once when the network or the tab comes
 * back, and a watchdog that treats two heartbeats of silence (or a machine that slept) as a dead stream.
 */
export function createLiveConnection(deps: LiveConnectionDeps): LiveConnection {
  const now = deps.now ?? Date.now;
  const watchdogMs = deps.watchdogMs ?? 5000;
  const stateListeners = new Set<() => void>();
  const eventListeners = new Set<(event: LiveEvent) => void>();
  let state = INITIAL_LIVE_HEALTH;
  let model: LiveModel | null = null;
  let source: EventSourceLike | null = null;
  let lastEventId: string | null = null;
  let heartbeatMs = DEFAULT_HEARTBEAT_MS;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let reconnectDueAt: number | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  let openedAt = 0;
  let isRunning = false;

  const setState = (patch: Partial<LiveHealth>) => {
    state = { ...state, ...patch };
    for (const listener of stateListeners) listener();
  };

  function setModel(next: LiveModel): void {
    const previous = model;
    model = next;
    setState({ status: next.status, account: next.account, version: next.version, lastMessageAt: now() });
    deps.onModel?.(next, previous);
  }

  function parse<T extends z.ZodMiniType>(schema: T, event: MessageEvent<string>): z.infer<T> | null {
    try {
      const parsed = schema.safeParse(JSON.parse(event.data));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: treated like a broken stream
    }
    // A message we cannot read may hide a gap: start over from a snapshot.
    lastEventId = null;
    reconnect(0);
    return null;
  }

  function open(): void {
    clearReconnect();
    source?.close();
    const url = lastEventId === null ? deps.url : `${deps.url}${deps.url.includes("?") ? "&" : "?"}lastEventId=${encodeURIComponent(lastEventId)}`;
    const current = deps.createEventSource(url);
    source = current;
    openedAt = now();
    const on = (type: string, handle: (event: MessageEvent<string>) => void) =>
      current.addEventListener(type, (event) => {
        if (source === current) handle(event);
      });
    on("hello", (event) => {
      const hello = parse(streamHelloSchema, event);
      if (hello === null) return;
      attempt = 0;
      heartbeatMs = hello.heartbeatSeconds * 1000;
      setState({ connection: "live", lastMessageAt: now(), buildId: hello.buildId });
      if (noteServerBuildId(hello.buildId) === "changed") deps.onReload?.("build");
    });
    on("snapshot", (event) => {
      const snapshot = parse(snapshotSchema, event);
      if (snapshot === null) return;
      lastEventId = event.lastEventId || null;
      setModel(modelFromSnapshot(snapshot));
      for (const listener of eventListeners) listener({ type: "snapshot", snapshot });
    });
    on("change", (event) => {
      const change = parse(streamChangeSchema, event);
      if (change === null) return;
      if (model === null) {
        lastEventId = null;
        reconnect(0);
        return;
      }
      lastEventId = event.lastEventId || lastEventId;
      setModel(applyStreamChange(model, change));
      for (const listener of eventListeners) listener({ type: "change", change });
    });
    on("heartbeat", (event) => {
      if (parse(streamHeartbeatSchema, event) !== null) setState({ lastMessageAt: now() });
    });
    on("reload", () => deps.onReload?.("reload"));
    current.onerror = () => {
      if (source !== current) return;
      reconnect(computeReconnectDelay(attempt++, deps.random));
    };
  }

  function clearReconnect(): void {
    if (reconnectTimer !== null) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    reconnectDueAt = null;
  }

  function reconnect(delayMs: number): void {
    source?.close();
    source = null;
    clearReconnect();
    if (!isRunning) return;
    const isOffline = !deps.environment.isOnline();
    setState({ connection: isOffline ? "offline" : "reconnecting" });
    reconnectDueAt = now() + delayMs;
    reconnectTimer = setTimeout(open, delayMs);
  }

  function checkHealth(): void {
    const t = now();
    // Timers stand still while a machine sleeps; on waking, an overdue retry runs at once.
    if (reconnectDueAt !== null && t >= reconnectDueAt) return open();
    const quietSince = Math.max(state.lastMessageAt ?? 0, openedAt);
    if (source !== null && t - quietSince > 2 * heartbeatMs) reconnect(0);
  }

  const onOnline = () => {
    attempt = 0;
    if (state.connection !== "live") reconnect(0);
  };
  // An open stream can outlive the network silently until the watchdog notices; the browser knows now. Reconnecting
  // when it is back (with the last event id) catches up on whatever happened meanwhile.
  const onOffline = () => reconnect(computeReconnectDelay(attempt++, deps.random));
  const onVisibility = () => {
    if (deps.environment.isVisible()) checkHealth();
  };

  return {
    start() {
      if (isRunning) return;
      isRunning = true;
      deps.environment.addEventListener("online", onOnline);
      deps.environment.addEventListener("offline", onOffline);
      deps.environment.addEventListener("visibilitychange", onVisibility);
      watchdog = setInterval(checkHealth, watchdogMs);
      open();
    },
    stop() {
      isRunning = false;
      source?.close();
      source = null;
      clearReconnect();
      if (watchdog !== null) clearInterval(watchdog);
      watchdog = null;
      deps.environment.removeEventListener("online", onOnline);
      deps.environment.removeEventListener("offline", onOffline);
      deps.environment.removeEventListener("visibilitychange", onVisibility);
    },
    getState: () => state,
    subscribe(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  };
}
