export function SimulatedBanner() {
  return (
    <div
      role="status"
      className="flex items-center gap-2 rounded-md border-2 border-dashed border-fuchsia-700 bg-fuchsia-50 px-4 py-2 text-sm font-semibold text-fuchsia-900 dark:border-fuchsia-400 dark:bg-fuchsia-950 dark:text-fuchsia-100"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 shrink-0">
        <path fill="currentColor" d="M6 1h4v1H9.5v4.2l4.3 6.6A1.4 1.4 0 0 1 12.6 15H3.4a1.4 1.4 0 0 1-1.2-2.2l4.3-6.6V2H6Z" />
      </svg>
      Simulated data — built-in AWS simulator, not real AWS status
    </div>
  );
}
