import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

const STORAGE_KEY = "healthdeck.board-filter";
const BOARD_PARAMS = ["region", "service", "status", "q"] as const;
const MAX_PARAM_LENGTH = 4000;

function readSaved(): string | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    // Only the board's own params come back; the server validates them like any other URL.
    const saved = new URLSearchParams(raw);
    const clean = new URLSearchParams();
    for (const name of BOARD_PARAMS) {
      const value = saved.get(name);
      if (value !== null && value.length <= MAX_PARAM_LENGTH) clean.set(name, value);
    }
    const search = clean.toString().replaceAll("%2C", ",");
    return search === "" ? null : search;
  } catch {
    return null;
  }
}

function writeSaved(search: string): void {
  try {
    if (search === "") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, search);
  } catch {
    // storage disabled: the filter still lives in the URL
  }
}

/** Remembers the board's filter; opening `/` without params brings the last one back. */
export function useRememberedBoardUrl(search: string): void {
  const router = useRouter();
  const checkedRef = useRef(false);
  const restoringRef = useRef(false);

  useEffect(() => {
    if (!checkedRef.current) {
      checkedRef.current = true;
      const saved = search === "" ? readSaved() : null;
      if (saved !== null) {
        restoringRef.current = true;
        router.replace(`/?${saved}`, { scroll: false });
        return;
      }
    }
    // Until the restored URL arrives, the empty one must not overwrite what is being restored.
    if (restoringRef.current) {
      if (search === "") return;
      restoringRef.current = false;
    }
    writeSaved(search);
  }, [search, router]);
}
