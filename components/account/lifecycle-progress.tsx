import type { EntityCounts } from "@/lib/shared/account-health-contract";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { readLifecycleCounts } from "@/lib/client/account/account-panels";

/** Pending → resolved resources of a planned lifecycle event: a bar for the eye, the numbers as text. */
export function LifecycleProgress({ counts }: { counts: EntityCounts }) {
  const { pending, resolved, other, total } = readLifecycleCounts(counts);
  if (total === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">No affected resources reported yet.</p>;
  const percent = (value: number) => `${((value / total) * 100).toFixed(2)}%`;
  return (
    <div className="space-y-1">
      <div aria-hidden="true" className="flex h-2.5 w-full overflow-hidden rounded-full bg-gray-200 dark:bg-gray-700">
        <span className="bg-emerald-600 dark:bg-emerald-400" style={{ width: percent(resolved) }} />
        <span className="bg-amber-500 dark:bg-amber-400" style={{ width: percent(pending) }} />
      </div>
      <p className="flex flex-wrap gap-x-2 text-sm tabular-nums">
        <span className="font-semibold text-amber-800 dark:text-amber-300">{formatCount(pending)} pending</span>
        <span aria-hidden="true">·</span>
        <span className="font-semibold text-emerald-800 dark:text-emerald-300">{formatCount(resolved)} resolved</span>
        {other > 0 && (
          <>
            <span aria-hidden="true">·</span>
            <span className="text-gray-700 dark:text-gray-300">{formatCount(other)} other</span>
          </>
        )}
        <span className="text-gray-600 dark:text-gray-400">({Math.round((resolved / total) * 100)}% done)</span>
      </p>
    </div>
  );
}
