"use client";

import { useEffect, useRef, useState } from "react";

export interface SelectOption {
  value: string;
  label: string;
}

export interface MultiSelectPanelProps {
  id: string;
  label: string;
  options: readonly SelectOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Turns typed text into a value that is not among the options (null when it is not acceptable). */
  acceptTyped?: (text: string) => string | null;
  onDone: () => void;
}

const MAX_LISTED = 300;

/** The searchable checkbox list of a MultiSelect; loaded on first open, so it is not part of the page's first load. */
export function MultiSelectPanel({ id, label, options, selected, onChange, acceptTyped, onDone }: MultiSelectPanelProps) {
  const [search, setSearch] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);

  const needle = search.trim().toLowerCase();
  const matching = options.filter((option) => needle === "" || option.label.toLowerCase().includes(needle) || option.value.includes(needle));
  const typed = acceptTyped?.(search) ?? null;
  // Offered only when nothing listed matches, so a half-typed prefix never turns into a filter value.
  const canAddTyped = typed !== null && matching.length === 0 && !selected.includes(typed);
  const addTyped = () => {
    if (typed === null) return;
    onChange([...selected, typed]);
    setSearch("");
  };

  return (
    <div
      id={id}
      role="group"
      aria-label={label}
      className="absolute left-0 z-40 mt-1 w-[min(22rem,calc(100vw-2rem))] rounded-md border border-gray-300 bg-white p-2 shadow-lg dark:border-gray-700 dark:bg-gray-900"
    >
      <input
        ref={searchRef}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && canAddTyped) {
            event.preventDefault();
            addTyped();
          }
        }}
        aria-label={`Find ${label.toLowerCase()}`}
        placeholder={acceptTyped === undefined ? "Find…" : "Find, or type a slug and press Enter"}
        className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-600 dark:bg-gray-950"
      />
      {canAddTyped && (
        <button type="button" onClick={addTyped} className="mt-1 w-full rounded px-2 py-1 text-left text-sm font-medium text-blue-800 hover:bg-gray-100 dark:text-sky-300 dark:hover:bg-gray-800">
          Add “{typed}”
        </button>
      )}
      <ul className="mt-1 max-h-72 overflow-y-auto">
        {matching.slice(0, MAX_LISTED).map((option) => (
          <li key={option.value}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-gray-100 dark:hover:bg-gray-800">
              <input type="checkbox" checked={selected.includes(option.value)} onChange={() => toggle(option.value)} className="size-4 accent-blue-700 dark:accent-sky-400" />
              <span className="truncate">{option.label}</span>
            </label>
          </li>
        ))}
        {matching.length === 0 && !canAddTyped && <li className="px-2 py-1 text-sm text-gray-600 dark:text-gray-400">No match.</li>}
      </ul>
      <div className="mt-2 flex justify-between border-t border-gray-200 pt-2 dark:border-gray-700">
        <button type="button" onClick={() => onChange([])} disabled={selected.length === 0} className="rounded px-2 py-1 text-sm font-medium hover:bg-gray-100 disabled:opacity-50 dark:hover:bg-gray-800">
          Clear
        </button>
        <button type="button" onClick={onDone} className="rounded bg-gray-900 px-3 py-1 text-sm font-semibold text-white dark:bg-gray-100 dark:text-gray-950">
          Done
        </button>
      </div>
    </div>
  );
}
