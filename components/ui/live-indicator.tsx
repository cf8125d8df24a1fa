import type { LiveConnectionState } from "@/lib/client/live/live-connection";

const LABELS: Record<LiveConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

/** Whether the page is receiving live updates, in words and with a filled or hollow dot (never colour alone). */
export function LiveIndicator({ connection, isRefreshing = false }: { connection: LiveConnectionState; isRefreshing?: boolean }) {
  const isLive = connection === "live";
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-gray-700 dark:text-gray-300" data-live-indicator={connection}>
      <svg viewBox="0 0 10 10" aria-hidden="true" focusable="false" className={`size-2.5 ${isLive ? "text-green-700 dark:text-green-400" : "text-gray-500"}`}>
        <circle cx="5" cy="5" r="4" fill={isLive ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span aria-live="polite">{isRefreshing && !isLive ? "Refreshing…" : LABELS[connection]}</span>
    </span>
  );
}
