"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { liveScopeKey, type LiveScope } from "@/lib/shared/live-scope";
import { INITIAL_LIVE_HEALTH, type LiveEvent, type LiveHealth } from "@/lib/client/live/live-connection";
import { getBrowserLiveRegistry } from "@/lib/client/live/browser-live-registry";

export type { LiveConnectionState, LiveEvent, LiveHealth } from "@/lib/client/live/live-connection";

export interface LiveHealthOptions {
  /** Every snapshot and change as it arrives (e.g. to highlight what is new); the latest callback is used. */
  onEvent?: (event: LiveEvent) => void;
}

const getServerSnapshot = () => INITIAL_LIVE_HEALTH;

/**
 * Live public status and account events of one scope, from the tab's one stream for that scope (shared
 * by every component that asks, kept across React Strict Mode's double effects). `status` and `account`
 * are new objects only when they changed; they also reach SWR under the keys the pages use.
 */
export function useLiveHealth(scope: LiveScope, options: LiveHealthOptions = {}): LiveHealth {
  const key = liveScopeKey(scope);
  const onEventRef = useRef(options.onEvent);
  useEffect(() => {
    onEventRef.current = options.onEvent;
  });

  const subscribe = useCallback(
    (notify: () => void) => {
      const registry = getBrowserLiveRegistry();
      const connection = registry.acquire(key);
      const stopState = connection.subscribe(notify);
      const stopEvents = connection.onEvent((event) => onEventRef.current?.(event));
      return () => {
        stopState();
        stopEvents();
        registry.release(key);
      };
    },
    [key],
  );
  const getSnapshot = useCallback(() => getBrowserLiveRegistry().peek(key)?.getState() ?? INITIAL_LIVE_HEALTH, [key]);
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
