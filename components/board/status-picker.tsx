"use client";

import type { HealthStatus } from "@/lib/shared/health-status";
import { STATUS_ORDER } from "@/lib/shared/health-status-order";
import { StatusIcon } from "@/components/ui/status-icon";
import { STATUS_STYLES } from "@/components/ui/status-style";

/** Status filter as a row of checkbox chips; none checked means every status. */
export function StatusPicker({ selected, onChange }: { selected: readonly HealthStatus[]; onChange: (next: HealthStatus[]) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">Status</legend>
      {STATUS_ORDER.map((status) => {
        const checked = selected.includes(status);
        const style = STATUS_STYLES[status];
        return (
          <label
            key={status}
            className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600 dark:has-focus-visible:outline-sky-400 ${checked ? `font-bold ${style.tint} ${style.text}` : "border-gray-300 bg-white text-gray-700 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-300"}`}
          >
            <input
              type="checkbox"
              checked={checked}
              onChange={() => onChange(checked ? selected.filter((item) => item !== status) : [...selected, status])}
              className="sr-only"
            />
            <StatusIcon status={status} className={`size-3.5 ${style.text}`} />
            {style.label}
            {checked && (
              <svg viewBox="0 0 12 12" aria-hidden="true" className="size-3">
                <path d="M2 6.5l2.5 2.5L10 3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
