import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** False during the server render and hydration, true afterwards: for browser-only text without mismatches. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
