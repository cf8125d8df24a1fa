import { memo } from "react";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { compareEntityStatuses, lookUpEntityStatus } from "@/components/account/account-status-style";
import { StatusIcon } from "@/components/ui/status-icon";

interface EntityStatusChipsProps {
  counts: ReadonlyMap<string, number>;
  /** matches of the text search, any status */
  allCount: number;
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

const CHIP =
  "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-sm font-semibold tabular-nums aria-pressed:ring-2 aria-pressed:ring-gray-900 dark:aria-pressed:ring-gray-100";

/** Toggle buttons, one per status present, each with how many resources match the search in that status. */
export const EntityStatusChips = memo(function EntityStatusChips({ counts, allCount, selected, onChange }: EntityStatusChipsProps) {
  const statuses = [...new Set([...counts.keys(), ...selected])].sort(compareEntityStatuses);
  const toggle = (status: string) => onChange(selected.includes(status) ? selected.filter((value) => value !== status) : [...selected, status]);
  return (
    <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
      <button
        type="button"
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
        className={`${CHIP} border-gray-300 bg-white text-gray-900 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100`}
      >
        All statuses <span className="font-normal">{formatCount(allCount)}</span>
      </button>
      {statuses.map((status) => {
        const look = lookUpEntityStatus(status);
        return (
          <button key={status} type="button" aria-pressed={selected.includes(status)} onClick={() => toggle(status)} className={`${CHIP} ${look.tint} ${look.text}`}>
            <StatusIcon status={look.icon} />
            {look.label}
            <span className="font-normal">{formatCount(counts.get(status) ?? 0)}</span>
          </button>
        );
      })}
    </div>
  );
});
