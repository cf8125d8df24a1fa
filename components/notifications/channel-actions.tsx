import type { ChannelView } from "@/lib/server/services/get-notifications-view";
import { formatUtc } from "@/components/notifications/format-utc";

const BUTTON = "rounded-md border px-3 py-1 text-sm font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600";

/** Admin forms: send a labelled test message, or turn the channel off and on again (both audited). */
export function ChannelActions({ channel }: { channel: ChannelView }) {
  const isDisabled = channel.disabled !== null;
  return (
    <div className="space-y-2">
      {channel.disabled ? (
        <p role="status" className="rounded-md border-2 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
          <strong>
            Disabled by {channel.disabled.by} at {formatUtc(channel.disabled.since)}
          </strong>
          : no new message is queued for it (what was queued before still goes).
          {channel.isSecurity ? <strong className="block text-red-800 dark:text-red-300">This is a security channel: security events (AWS_RISK_*) do not reach it while it is disabled.</strong> : null}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <form method="post" action="/notifications/test">
          <input type="hidden" name="channel" value={channel.id} />
          <button type="submit" className={`${BUTTON} border-blue-700 text-blue-800 dark:border-sky-400 dark:text-sky-300`}>
            Send a test message
          </button>
        </form>
        <form method="post" action="/notifications/channel">
          <input type="hidden" name="channel" value={channel.id} />
          <input type="hidden" name="action" value={isDisabled ? "enable" : "disable"} />
          <button type="submit" className={`${BUTTON} ${isDisabled ? "border-emerald-700 text-emerald-800 dark:border-emerald-400 dark:text-emerald-300" : "border-gray-500 text-gray-800 dark:text-gray-200"}`}>
            {isDisabled ? "Enable" : channel.isSecurity ? "Disable (security events will not reach it)" : "Disable"}
          </button>
        </form>
      </div>
    </div>
  );
}
