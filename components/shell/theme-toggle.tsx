"use client";

import { useEffect, useSyncExternalStore } from "react";
import { applyTheme, readStoredTheme, THEME_STORAGE_KEY } from "@/lib/client/theme";

function subscribeToRootClass(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const readIsDark = () => document.documentElement.classList.contains("dark");

export function ThemeToggle() {
  // null on the server: the theme is only known in the browser, where the inline script already applied it.
  const isDark = useSyncExternalStore(subscribeToRootClass, readIsDark, () => null);

  useEffect(() => {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const followSystem = () => {
      if (readStoredTheme() === null) applyTheme(query.matches ? "dark" : "light");
    };
    query.addEventListener("change", followSystem);
    return () => query.removeEventListener("change", followSystem);
  }, []);

  function toggle() {
    const next = readIsDark() ? "light" : "dark";
    applyTheme(next);
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // storage can be disabled; the choice then lasts for this page only
    }
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={isDark ?? undefined}
      title="Dark theme"
      className="inline-flex items-center gap-2 rounded-md border border-gray-300 px-2.5 py-1.5 text-sm font-medium hover:bg-gray-100 aria-pressed:bg-gray-800 aria-pressed:text-white dark:border-gray-700 dark:hover:bg-gray-800"
    >
      <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 dark:hidden">
        <circle cx="10" cy="10" r="3.8" fill="currentColor" />
        <path stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" d="M10 1v2M10 17v2M1 10h2M17 10h2M3.6 3.6l1.4 1.4M15 15l1.4 1.4M3.6 16.4 5 15M15 5l1.4-1.4" />
      </svg>
      <svg viewBox="0 0 20 20" aria-hidden="true" className="hidden size-4 dark:block">
        <path fill="currentColor" d="M17.3 12.9A7.5 7.5 0 0 1 7.1 2.7a7.5 7.5 0 1 0 10.2 10.2Z" />
      </svg>
      <span className="sr-only sm:not-sr-only">Dark theme</span>
    </button>
  );
}
