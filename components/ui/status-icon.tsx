import type { HealthStatus } from "@/lib/shared/health-status";

/** A distinct shape per status (circle, square, triangle, octagon, diamond), so colour is never the only cue. */
const SHAPES: Record<HealthStatus, { shape: string; glyph: string }> = {
  operational: { shape: "M8 .75a7.25 7.25 0 1 1 0 14.5A7.25 7.25 0 0 1 8 .75Z", glyph: "M4.6 8.3l2.2 2.2 4.6-4.9" },
  informational: { shape: "M3.5 1h9A2.5 2.5 0 0 1 15 3.5v9a2.5 2.5 0 0 1-2.5 2.5h-9A2.5 2.5 0 0 1 1 12.5v-9A2.5 2.5 0 0 1 3.5 1Z", glyph: "M8 7.2v4.6M8 4.4v.2" },
  degraded: { shape: "M8 .9 15.4 14.6H.6Z", glyph: "M8 6v4M8 12.3v.2" },
  disrupted: { shape: "M5 .75h6L15.25 5v6L11 15.25H5L.75 11V5Z", glyph: "M5.6 5.6l4.8 4.8m0-4.8-4.8 4.8" },
  unknown: { shape: "M8 .4 15.6 8 8 15.6.4 8Z", glyph: "M6.2 6.4a1.9 1.9 0 1 1 2.5 1.8c-.5.2-.7.6-.7 1.1v.3M8 11.6v.2" },
};

export function StatusIcon({ status, className = "size-4" }: { status: HealthStatus; className?: string }) {
  const { shape, glyph } = SHAPES[status];
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`} data-status-icon={status}>
      <path d={shape} fill="currentColor" />
      <path
        d={glyph}
        fill="none"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-white dark:stroke-gray-950"
      />
    </svg>
  );
}
