"use client";

import type { CSSProperties, ReactNode } from "react";
import { BURN_IN_STEP_MS, computeBurnInOffset } from "@/lib/client/noc/burn-in-offset";
import { useWallClockStep } from "@/components/noc/use-wall-clock";

/** Moves everything a few pixels every few minutes, so no edge stays on the same pixels for weeks. */
export function BurnInShell({ children }: { children: ReactNode }) {
  const step = useWallClockStep(BURN_IN_STEP_MS);
  const { x, y } = computeBurnInOffset(step * BURN_IN_STEP_MS);
  const style = { "--noc-dx": `${x}px`, "--noc-dy": `${y}px` } as CSSProperties;
  return (
    <div className="noc-shell" style={style} data-burn-in={`${x},${y}`}>
      {children}
    </div>
  );
}
