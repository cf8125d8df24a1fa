import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { createHighlightStore, getEmptyHighlights } from "@/lib/client/noc/highlight-store";

/** Rows highlighted as new for `highlightMs` after they appear; `onNew` hears of each batch (for the chime). */
export function useNewRows(rowKeys: readonly string[], highlightMs: number, onNew: (keys: string[]) => void): ReadonlySet<string> {
  const [store] = useState(() => createHighlightStore(highlightMs));
  const onNewRef = useRef(onNew);
  useEffect(() => {
    onNewRef.current = onNew;
  }, [onNew]);
  useEffect(() => () => store.dispose(), [store]);

  const signature = rowKeys.join("\n");
  useEffect(() => {
    const fresh = store.observe(signature === "" ? [] : signature.split("\n"), Date.now());
    if (fresh.length > 0) onNewRef.current(fresh);
  }, [signature, store]);

  return useSyncExternalStore(store.subscribe, store.getSnapshot, getEmptyHighlights);
}
