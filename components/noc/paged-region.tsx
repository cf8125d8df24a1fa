"use client";

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { paginateHeights, samePages } from "@/lib/client/noc/paginate-heights";
import { PageIndicator } from "@/components/noc/page-indicator";
import { MeasuringContext, useWallClockStep } from "@/components/noc/use-wall-clock";
import { useHydrated } from "@/components/ui/use-hydrated";

interface PagedRegionProps<T> {
  id: string;
  title: string;
  /** e.g. a count beside the title */
  aside?: ReactNode;
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  rotateMs: number;
  /** shown instead of the list when there are no items */
  empty?: ReactNode;
  className?: string;
}

interface Layout {
  starts: number[];
  /** height of the whole list, px: the region asks for this much and pages when it gets less */
  natural: number;
}

/**
 * A titled list that never scrolls: its items are measured in an invisible copy of the list, split into
 * pages that fit the height the layout gives it, and the pages rotate on the wall's clock. The region
 * asks the flex layout for its whole list's height, so short lists are shown whole and long ones share.
 */
export function PagedRegion<T>({ id, title, aside, items, getKey, renderItem, rotateMs, empty, className = "" }: PagedRegionProps<T>) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  const [layout, setLayout] = useState<Layout | null>(null);
  const step = useWallClockStep(rotateMs);
  // A screen that has just loaded keeps the page the server painted until the clock's next turn, then joins the
  // other screens in step: jumping to the clock's page at once would move every row right after the first paint.
  const [loadStep] = useState(() => Math.floor(Date.now() / rotateMs));
  const isHydrated = useHydrated();

  useEffect(() => {
    const viewport = viewportRef.current;
    const list = measureRef.current;
    if (viewport === null || list === null) return;
    const measure = () => {
      const children = Array.from(list.children, (child) => child as HTMLElement);
      const measured = children.map((child) => ({ top: child.offsetTop, height: child.offsetHeight }));
      const last = measured.at(-1);
      const natural = last === undefined ? 0 : Math.ceil(last.top + last.height);
      const starts = paginateHeights(measured, viewport.clientHeight);
      setLayout((previous) => (previous !== null && previous.natural === natural && samePages(previous.starts, starts) ? previous : { starts, natural }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    observer.observe(list);
    const frame = requestAnimationFrame(measure);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [items, isHydrated]);

  const pageCount = layout?.starts.length ?? 1;
  const page = layout === null || step <= loadStep ? 0 : step % pageCount;
  const start = layout?.starts[page] ?? 0;
  const end = layout === null ? items.length : (layout.starts[page + 1] ?? items.length);
  const isEmpty = items.length === 0;

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`noc-region ${className}`}
      data-empty={isEmpty || undefined}
      data-region={id}
      style={{ "--rows": items.length, ...(layout === null ? {} : { "--natural": `${layout.natural}px` }) } as CSSProperties}
    >
      <div className="noc-region-head">
        <h2 id={`${id}-title`} className="noc-region-title">
          {title}
        </h2>
        {aside}
        {pageCount > 1 && <PageIndicator page={page} pageCount={pageCount} />}
      </div>
      <div ref={viewportRef} className="noc-viewport">
        {isEmpty ? (
          empty
        ) : (
          <ul className="noc-list">
            {items.slice(start, end).map((item) => (
              <li key={getKey(item)}>{renderItem(item)}</li>
            ))}
          </ul>
        )}
        {/* The copy only measures, so it is left out of the server's HTML and of hydration. */}
        {isHydrated && (
          <MeasuringContext value={true}>
            <ul ref={measureRef} className="noc-list noc-measure" aria-hidden="true" inert>
              {items.map((item) => (
                <li key={getKey(item)}>{renderItem(item)}</li>
              ))}
            </ul>
          </MeasuringContext>
        )}
      </div>
    </section>
  );
}
