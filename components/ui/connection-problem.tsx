import { formatUtc } from "@/lib/client/format-time";
import type { LiveConnectionState } from "@/lib/client/live/live-connection";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusIcon } from "@/components/ui/status-icon";

interface ConnectionProblemProps {
  /** the live stream's state; `offline` means the browser itself has no network */
  connection: LiveConnectionState;
  /** why the last refresh failed, when one did */
  fetchError: string | null;
  /** when the data on screen was made */
  dataAt: string;
}

/**
 * The page lost its server: the live stream is down (or a refresh failed), so what is on screen may be old.
 * Says since when, and that it recovers by itself; nobody needs to reload.
 */
export function ConnectionProblem({ connection, fetchError, dataAt }: ConnectionProblemProps) {
  const headline = connection === "offline" ? "This device is offline" : "Cannot reach the Healthdeck server";
  return (
    <div role="alert" data-connection-problem={connection} className="rounded-md border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
      <p className="flex items-center gap-2 font-bold">
        <StatusIcon status="disrupted" className="size-5 text-red-700 dark:text-red-300" />
        {headline}: live updates are paused{fetchError === null ? "" : ` (${fetchError})`}.
      </p>
      <p className="pl-7 text-sm">
        Data may be out of date: showing the data from{" "}
        <span aria-hidden="true">
          <RelativeTime iso={dataAt} />
        </span>
        <span className="sr-only">{formatUtc(dataAt)}</span>. Reconnecting by itself.
      </p>
    </div>
  );
}
