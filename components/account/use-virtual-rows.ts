import { useCallback, useEffect, useRef, useState } from "react";

const FALLBACK_ROW_PX = 40;

/**
 * Fixed-height windowing: only the rows in view (plus `overscan` above and below) are rendered. The row height is
 * measured from a probe row, because it is set in rem and the root font size grows on 4K screens.
 */
export function useVirtualRows(count: number, overscan = 12) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(800);
  const [rowHeight, setRowHeight] = useState(FALLBACK_ROW_PX);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const probe = probeRef.current;
    if (scroller === null) return;
    const measure = () => {
      setViewportHeight(scroller.clientHeight);
      if (probe !== null && probe.offsetHeight > 0) setRowHeight(probe.offsetHeight);
    };
    const onScroll = () => setScrollTop(scroller.scrollTop);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    if (probe !== null) observer.observe(probe);
    scroller.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener("scroll", onScroll);
    };
  }, []);

  const scrollToTop = useCallback(() => {
    const scroller = scrollerRef.current;
    if (scroller !== null && scroller.scrollTop !== 0) scroller.scrollTop = 0;
    setScrollTop(0);
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { scrollerRef, probeRef, rowHeight, first, last: Math.max(first, last), totalHeight: count * rowHeight, scrollToTop };
}
