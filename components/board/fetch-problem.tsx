import { formatUtc } from "@/lib/client/format-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusIcon } from "@/components/ui/status-icon";

/** The browser could not refresh: the page is showing the last data it got. */
export function FetchProblem({ message, generatedAt }: { message: string; generatedAt: string }) {
  return (
    <div role="alert" className="rounded-md border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
      <p className="flex items-center gap-2 font-bold">
        <StatusIcon status="disrupted" className="size-5 text-red-700 dark:text-red-300" />
        Cannot refresh from the Healthdeck server: {message}
      </p>
      <p className="pl-7 text-sm">
        Showing the data from{" "}
        <span aria-hidden="true">
          <RelativeTime iso={generatedAt} />
        </span>
        <span className="sr-only">{formatUtc(generatedAt)}</span>; retrying every 15 s.
      </p>
    </div>
  );
}
