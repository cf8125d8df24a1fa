"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SelectOption } from "@/components/ui/multi-select-panel";

export type { SelectOption };

const MultiSelectPanel = lazy(() => import("@/components/ui/multi-select-panel").then((module) => ({ default: module.MultiSelectPanel })));

interface MultiSelectProps {
  label: string;
  options: readonly SelectOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Turns typed text into a value that is not among the options (null when it is not acceptable). */
  acceptTyped?: (text: string) => string | null;
  onOpen?: () => void;
}

/** A button that opens a searchable checkbox list. Escape or a click outside closes it. */
export function MultiSelect({ label, options, selected, onChange, acceptTyped, onOpen }: MultiSelectProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutside);
    return () => document.removeEventListener("pointerdown", closeOnOutside);
  }, [open]);

  function toggleOpen() {
    if (!open) onOpen?.();
    setOpen(!open);
  }

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  }

  return (
    <div ref={rootRef} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggleOpen}
        className="inline-flex w-full items-center justify-between gap-2 rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50 sm:w-auto dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800"
      >
        <span>
          {label}
          {selected.length > 0 && <span className="ml-1 rounded-full bg-blue-700 px-1.5 text-xs text-white dark:bg-sky-300 dark:text-gray-950">{selected.length}</span>}
        </span>
        <svg viewBox="0 0 12 12" aria-hidden="true" className={`size-3 transition-transform ${open ? "rotate-180" : ""}`}>
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      {open && (
        <Suspense fallback={<div className="absolute left-0 z-40 mt-1 rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-lg dark:border-gray-700 dark:bg-gray-900">Loading…</div>}>
          <MultiSelectPanel id={panelId} label={label} options={options} selected={selected} onChange={onChange} acceptTyped={acceptTyped} onDone={close} />
        </Suspense>
      )}
    </div>
  );
}
