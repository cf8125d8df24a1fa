"use client";

import { formatLocal, formatUtc } from "@/lib/client/format-time";
import { useHydrated } from "@/components/ui/use-hydrated";

/** `2026-08-18 12:20 UTC · 14:20 CEST`: UTC from the server, the viewer's local time added after hydration. */
export function TimeStamp({ iso, className = "" }: { iso: string; className?: string }) {
  const hydrated = useHydrated();
  const local = hydrated ? formatLocal(iso) : null;
  return (
    <time dateTime={iso} className={`tabular-nums ${className}`}>
      <span className="whitespace-nowrap">{formatUtc(iso)}</span>
      {/* The space between the two parts is where a narrow screen may wrap. */}
      {local !== null && (
        <>
          {" "}
          <span className="whitespace-nowrap text-gray-600 dark:text-gray-400">· {local}</span>
        </>
      )}
    </time>
  );
}
