import { useEffect, useState, type RefObject } from "react";

export interface RowWindow {
  start: number;
  end: number;
  /** height of one row in px, measured once rows exist (an estimate before) */
  rowHeight: number;
}

const OVERSCAN = 8;
const INITIAL_ROWS = 40;
const ESTIMATED_ROW_REM = 2.25;

function estimateRowHeight(): number {
  return ESTIMATED_ROW_REM * Number.parseFloat(getComputedStyle(document.documentElement).fontSize || "16");
}

/**
 * Which of `count` equal-height rows are inside the scroll container's viewport (plus some overscan), so that the
 * full AWS grid (~270 rows × ~36 regions) renders a few dozen rows at a time. `anchorRef` marks where row 0 starts.
 */
export function useRowWindow(
  enabled: boolean,
  count: number,
  containerRef: RefObject<HTMLElement | null>,
  anchorRef: RefObject<HTMLElement | null>,
): RowWindow {
  const [range, setRange] = useState<RowWindow>({ start: 0, end: INITIAL_ROWS, rowHeight: 36 });

  useEffect(() => {
    const container = containerRef.current;
    if (!enabled || container === null) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const anchor = anchorRef.current;
      if (anchor === null) return;
      const measured = anchor.nextElementSibling?.getBoundingClientRect().height ?? 0;
      const rowHeight = measured > 0 ? measured : estimateRowHeight();
      const offset = anchor.getBoundingClientRect().top - container.getBoundingClientRect().top;
      const visible = Math.ceil(container.clientHeight / rowHeight) + 2 * OVERSCAN;
      const first = Math.max(0, Math.floor(-offset / rowHeight) - OVERSCAN);
      const start = Math.max(0, Math.min(first, count - visible));
      const end = Math.min(count, start + visible);
      setRange((previous) =>
        previous.start === start && previous.end === end && previous.rowHeight === rowHeight ? previous : { start, end, rowHeight },
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    schedule();
    container.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      container.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [enabled, count, containerRef, anchorRef]);

  return enabled ? { ...range, end: Math.min(range.end, count) } : { start: 0, end: count, rowHeight: range.rowHeight };
}
