"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { StatusIcon } from "@/components/ui/status-icon";
import { formatCount } from "@/lib/client/format-count";
import { STICKY_CELL } from "@/components/board/grid-row";

/** The grid's two switches; which button was used last, so its twin in a re-rendered grid takes the focus. */
export interface GridControls {
  showAllRegions: boolean;
  expanded: boolean;
  toggleShowAllRegions: () => void;
  toggleExpanded: () => void;
  lastUsed: "regions" | "healthy" | null;
}

const GridControlsContext = createContext<GridControls | null>(null);

export function useGridControlsState(): GridControls {
  const [state, setState] = useState<{ showAllRegions: boolean; expanded: boolean; lastUsed: GridControls["lastUsed"] }>({ showAllRegions: false, expanded: false, lastUsed: null });
  return useMemo(
    () => ({
      ...state,
      toggleShowAllRegions: () => setState((previous) => ({ ...previous, showAllRegions: !previous.showAllRegions, lastUsed: "regions" })),
      toggleExpanded: () => setState((previous) => ({ ...previous, expanded: !previous.expanded, lastUsed: "healthy" })),
    }),
    [state],
  );
}

export function GridControlsProvider({ value, children }: { value: GridControls; children: ReactNode }) {
  return <GridControlsContext value={value}>{children}</GridControlsContext>;
}

/** The controls from the board around the grid, or the grid's own when it stands alone (unit tests). */
export function useGridControls(): GridControls {
  const own = useGridControlsState();
  return useContext(GridControlsContext) ?? own;
}

function useFocusWhenLastUsed(isLastUsed: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasLastUsedAtMount = useRef(isLastUsed);
  // Mounted by a switch between the server's grid and the browser's: the button pressed was this one's twin.
  useEffect(() => {
    if (wasLastUsedAtMount.current && document.activeElement === document.body) ref.current?.focus();
  }, []);
  return ref;
}

export function ShowAllRegionsButton({ regionCount }: { regionCount: number }) {
  const controls = useGridControls();
  const ref = useFocusWhenLastUsed(controls.lastUsed === "regions");
  return (
    <button
      ref={ref}
      type="button"
      aria-pressed={controls.showAllRegions}
      onClick={controls.toggleShowAllRegions}
      className="rounded-md border border-gray-300 px-3 py-1 font-medium hover:bg-gray-100 aria-pressed:bg-gray-900 aria-pressed:text-white dark:border-gray-700 dark:hover:bg-gray-800 dark:aria-pressed:bg-gray-100 dark:aria-pressed:text-gray-950"
    >
      Show all {regionCount} regions
    </button>
  );
}

export function HealthyRowsToggle({ healthyCount, controlsId }: { healthyCount: number; controlsId: string }) {
  const controls = useGridControls();
  const ref = useFocusWhenLastUsed(controls.lastUsed === "healthy");
  return (
    <button
      ref={ref}
      type="button"
      aria-expanded={controls.expanded}
      aria-controls={controlsId}
      onClick={controls.toggleExpanded}
      className={`${STICKY_CELL} flex items-center gap-2 px-3 py-2 font-medium text-emerald-800 hover:underline dark:text-emerald-300`}
    >
      <StatusIcon status="operational" className="size-4" />
      {controls.expanded
        ? `Hide the ${formatCount(healthyCount)} services operational in all regions`
        : `${formatCount(healthyCount)} more services operational in all regions — show`}
    </button>
  );
}
