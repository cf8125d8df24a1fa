"use client";

import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { formatUtc } from "@/lib/client/format-time";
import { isProblemState, judgeSource, type SourceDisplayState } from "@/lib/client/source-freshness";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusIcon } from "@/components/ui/status-icon";
import { useNow } from "@/components/ui/use-now";

const STATE_LOOK: Record<SourceDisplayState, { word: string; icon: "operational" | "degraded" | "disrupted" | "unknown"; text: string }> = {
  ok: { word: "Live", icon: "operational", text: "text-emerald-800 dark:text-emerald-300" },
  stale: { word: "Stale", icon: "degraded", text: "text-amber-800 dark:text-amber-300" },
  error: { word: "Error", icon: "disrupted", text: "text-red-800 dark:text-red-300" },
  disabled: { word: "Off", icon: "unknown", text: "text-gray-600 dark:text-gray-400" },
  unavailable: { word: "Unavailable", icon: "disrupted", text: "text-red-800 dark:text-red-300" },
};

function formatInterval(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function LastSuccess({ source }: { source: SourceHealth }) {
  if (source.lastSuccessAt === null) return <>never updated successfully</>;
  return (
    <>
      last successful update <RelativeTime iso={source.lastSuccessAt} className="font-semibold" />
    </>
  );
}

export function SourceFreshness({ sources }: { sources: SourceHealth[] }) {
  const now = useNow();
  const judged = sources.map((source) => ({ source, state: judgeSource(source, now) }));
  const problems = judged.filter(({ state }) => isProblemState(state));
  return (
    <section aria-labelledby="sources-heading" className="space-y-2">
      <h2 id="sources-heading" className="sr-only">
        Data sources
      </h2>
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
          <p className="flex items-center gap-2 font-bold">
            <StatusIcon status="degraded" className="size-5 text-amber-700 dark:text-amber-300" />
            Public status data is stale — statuses below may be out of date.
          </p>
          <ul className="mt-1 space-y-0.5 pl-7 text-sm">
            {problems.map(({ source }) => (
              <li key={source.id}>
                <span className="font-semibold">{source.label}:</span>{" "}
                {/* The ticking text is hidden from the live region so it is not re-announced every second. */}
                <span aria-hidden="true">
                  <LastSuccess source={source} />
                </span>
                <span className="sr-only">
                  {source.lastSuccessAt === null ? "never updated successfully" : `last successful update at ${formatUtc(source.lastSuccessAt)}`}
                </span>
                {source.error !== null && <> (error: {source.error})</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="flex flex-col gap-x-6 gap-y-1 text-sm text-gray-700 sm:flex-row sm:flex-wrap dark:text-gray-300">
        {judged.map(({ source, state }) => {
          const look = STATE_LOOK[state];
          return (
            <li key={source.id} className="flex flex-wrap items-center gap-x-1.5" title={source.error ?? undefined}>
              <StatusIcon status={look.icon} className={`size-3.5 ${look.text}`} />
              <span className="font-medium">{source.label}</span>
              <span className={`font-semibold ${look.text}`}>{look.word}</span>
              {source.lastSuccessAt !== null && (
                <span>
                  · updated <RelativeTime iso={source.lastSuccessAt} />
                </span>
              )}
              <span className="text-gray-600 dark:text-gray-400">· every {formatInterval(source.intervalSeconds)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
