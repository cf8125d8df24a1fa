"use client";

import { useEffect, useRef } from "react";

export interface ChecklistOption {
  value: string;
  label: string;
  count?: number;
}

interface FilterChecklistProps {
  /** the GET parameter: without JavaScript the form submits one `name=value` per ticked box */
  name: string;
  label: string;
  options: readonly ChecklistOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  monospace?: boolean;
}

/** A disclosure with checkboxes: a real form control without JavaScript, instant with it. */
export function FilterChecklist({ name, label, options, selected, onChange, monospace = false }: FilterChecklistProps) {
  const detailsRef = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const details = detailsRef.current;
    if (details === null) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", closeOnOutside);
    details.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutside);
      details.removeEventListener("keydown", closeOnEscape);
    };
  }, []);

  const values = new Set(options.map((option) => option.value));
  const all: ChecklistOption[] = [...options, ...selected.filter((value) => !values.has(value)).map((value) => ({ value, label: value }))];
  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  return (
    // Below lg the open list takes a whole row in the flow, so it can never run off a narrow screen.
    <details ref={detailsRef} className="group relative max-lg:open:col-span-2 max-lg:open:basis-full">
      <summary className="flex list-none items-center justify-between gap-2 rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800 [&::-webkit-details-marker]:hidden">
        <span>
          {label}
          {selected.length > 0 && (
            <span className="ml-1 rounded-full bg-blue-700 px-1.5 text-xs text-white dark:bg-sky-300 dark:text-gray-950">
              {selected.length}
              <span className="sr-only"> selected</span>
            </span>
          )}
        </span>
        <svg viewBox="0 0 12 12" aria-hidden="true" className="size-3 transition-transform group-open:rotate-180">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </summary>
      <fieldset className="z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-gray-300 bg-white p-2 shadow-lg lg:absolute lg:left-0 lg:w-[min(24rem,calc(100vw-2rem))] dark:border-gray-700 dark:bg-gray-900">
        <legend className="sr-only">{label}</legend>
        {all.length === 0 && <p className="px-2 py-1 text-sm text-gray-700 dark:text-gray-300">No values yet.</p>}
        {all.map((option) => (
          <label key={option.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-gray-100 dark:hover:bg-gray-800">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={() => toggle(option.value)}
              className="size-4 shrink-0 accent-blue-700 dark:accent-sky-400"
            />
            <span className={`min-w-0 flex-1 break-all ${monospace ? "font-mono text-xs" : ""}`}>{option.label}</span>
            {option.count !== undefined && <span className="text-xs text-gray-600 tabular-nums dark:text-gray-400">{option.count}</span>}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
